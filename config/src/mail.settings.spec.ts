import { loadConfiguration } from './configuration';
import { mailFrom, publicUrl } from './mail.settings';

describe('mail settings', () => {
  it('needs none of them: links go to http://localhost:3000, mail comes from noreply@localhost', () => {
    const config = loadConfiguration({});
    expect(config.SMTP_URL).toBeUndefined();
    expect(publicUrl(config)).toBe('http://localhost:3000');
    expect(mailFrom(config)).toBe('Actiemonitor <noreply@localhost>');
  });

  it('takes PUBLIC_URL without its trailing slash, and the default sender from its host', () => {
    const config = loadConfiguration({ PUBLIC_URL: 'https://actiemonitor.vws.nl/' });
    expect(publicUrl(config)).toBe('https://actiemonitor.vws.nl');
    expect(mailFrom(config)).toBe('Actiemonitor <noreply@actiemonitor.vws.nl>');
    expect(publicUrl(loadConfiguration({ PUBLIC_URL: 'https://intranet.example.nl/actiemonitor' }))).toBe(
      'https://intranet.example.nl/actiemonitor',
    );
  });

  it('accepts smtp:// and smtps:// URLs, and a sender as an address or "Naam <adres>"', () => {
    for (const url of [
      'smtp://127.0.0.1:2525',
      'smtps://gebruiker:geheim@mail.example.nl:465',
      'smtp://relay.example.nl:587?requireTLS=true',
    ]) {
      expect(loadConfiguration({ SMTP_URL: url }).SMTP_URL).toBe(url);
    }
    for (const from of ['Actiemonitor VWS <actiemonitor@minvws.nl>', 'actiemonitor@minvws.nl', 'Actiemonitor<a@b.nl>']) {
      expect(mailFrom(loadConfiguration({ SMTP_FROM: from }))).toBe(from);
    }
  });

  it('treats an empty value as not given', () => {
    const config = loadConfiguration({ SMTP_URL: '', SMTP_FROM: ' ', PUBLIC_URL: '' });
    expect([config.SMTP_URL, config.SMTP_FROM, config.PUBLIC_URL]).toEqual([undefined, undefined, undefined]);
  });

  it('refuses bad values, naming the setting', () => {
    expect(() => loadConfiguration({ SMTP_URL: 'http://mail.example.nl' })).toThrow(/SMTP_URL: moet een URL zijn zoals smtp:\/\//);
    expect(() => loadConfiguration({ SMTP_URL: 'relay.example.nl' })).toThrow(/SMTP_URL/);
    expect(() => loadConfiguration({ PUBLIC_URL: 'ftp://example.nl' })).toThrow(/PUBLIC_URL: moet een http\(s\)-adres/);
    expect(() => loadConfiguration({ PUBLIC_URL: 'https://example.nl/?a=1' })).toThrow(/PUBLIC_URL/);
    for (const from of ['geen adres', 'Naam <geen-adres>', 'a@b.nl\r\nBcc: x@y.nl', 'Naam <a@b.nl', '"Naam" <a@b.nl>']) {
      expect(() => loadConfiguration({ SMTP_FROM: from })).toThrow(/SMTP_FROM: moet een adres zijn/);
    }
  });
});

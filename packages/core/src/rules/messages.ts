/** The texts a backend sends, the same from every backend. */
export const messageTexts = {
  smsCode: (code: string) => `Ihr Pforte-Code: ${code} / Your Pforte code: ${code}`,
  emailCodeSubject: (code: string) => `Ihr Code: ${code} / Your code: ${code}`,
  emailCode: (code: string) => `Ihr Pforte-Code: ${code} / Your Pforte code: ${code}`,
  verificationSubject: () => 'Bitte bestätigen Sie Ihre E-Mail-Adresse / Please confirm your e-mail address',
  verification: (link: string, validityHours: number) =>
    `Bitte bestätigen Sie Ihre E-Mail-Adresse / Please confirm your e-mail address:\n${link}\n\nDer Link ist ${validityHours} Stunden gültig. / The link is valid for ${validityHours} hours.`,
};

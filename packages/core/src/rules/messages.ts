import { countText, type PluralForms } from '../plural.js';
import { bestLocale, pforteLocales, type PforteLocale } from '../locales.js';

/**
 * What a message is about: the product the person registers for (its
 * config's `product`) and the flow's locale.
 */
export interface MessageContext {
  /** The product's name as people know it, e.g. "Videosprechstunde". */
  product: string;
  /** The flow's locale; the texts are in its language when offered (`messageLocales`), else in English. */
  locale: string;
}

/** An e-mail's subject and plain text. */
export interface EmailText {
  subject: string;
  text: string;
}

/** The languages the texts are written in: every Pforte locale (docs/glossary.md holds their terms and register). */
export const messageLocales = pforteLocales;
export type MessageLocale = PforteLocale;

/** The language of the texts for a locale: its language when offered (`de-AT` → `de`), else English (`pt` → `en`). */
export function messageLocale(locale: string): MessageLocale {
  return bestLocale([locale]);
}

/**
 * One language's texts. `minutes` and `hours` are plural forms (`#` is the
 * count) in the case the texts use them in; `validity` is such a phrase.
 */
export interface MessageTable {
  minutes: PluralForms<string>;
  hours: PluralForms<string>;
  smsCode(product: string, code: string): string;
  emailCode: { subject(product: string, code: string): string; text(product: string, code: string, validity: string): string };
  verification: { subject(product: string): string; text(product: string, link: string, validity: string): string };
  passwordReset: { subject(product: string): string; text(product: string, link: string, validity: string): string };
  /** To a person who asked to join an organization: a member approved or declined the request. */
  joinDecision: {
    approvedSubject(organization: string): string;
    approvedText(product: string, organization: string): string;
    declinedSubject(organization: string): string;
    declinedText(product: string, organization: string): string;
  };
  /** To someone an account was created for (by a practice, an admin): the link to set the first password. */
  accountInvitation: { subject(product: string): string; text(product: string, link: string, validity: string): string };
  /** A guest invitation (access by TAN, no account): `codeLine` is the code's line, or `codeApart` when the code follows on its own. */
  guestInvitation: {
    subject(product: string): string;
    text(product: string, link: string, codeLine: string, validity: string): string;
    codeLine(code: string): string;
    codeApart: string;
  };
  /** A guest's one-time code sent apart from its link. */
  guestCode: { subject(product: string): string; text(product: string, code: string): string };
}

/** A no-break space, kept before French colons and semicolons and between a count and its unit. */
const nbsp = '\u00a0';

/**
 * The texts of every language. Greetings and register follow docs/glossary.md:
 * formal address throughout; Russian and Ukrainian e-mails capitalise Вы/Ви as
 * in a letter to one person; Arabic and Polish avoid gendered forms.
 */
export const messageTables: Record<MessageLocale, MessageTable> = {
  de: {
    minutes: { one: '# Minute', other: '# Minuten' },
    hours: { one: '# Stunde', other: '# Stunden' },
    smsCode: (product, code) => `Ihr Code für ${product}: ${code}. Geben Sie ihn an niemanden weiter.`,
    emailCode: {
      subject: (product, code) => `${code} ist Ihr Code für ${product}`,
      text: (product, code, validity) =>
        `Guten Tag,\n\nIhr Code für ${product} lautet: ${code}\n\nEr ist ${validity} gültig. Geben Sie ihn an niemanden weiter. Wenn Sie keinen Code angefordert haben, können Sie diese E-Mail ignorieren.`,
    },
    verification: {
      subject: (product) => `Bestätigen Sie Ihre E-Mail-Adresse für ${product}`,
      text: (product, link, validity) =>
        `Guten Tag,\n\nbitte bestätigen Sie Ihre E-Mail-Adresse für ${product} mit diesem Link:\n\n${link}\n\nDer Link ist ${validity} gültig. Wenn Sie sich nicht registriert haben, können Sie diese E-Mail ignorieren.`,
    },
    // The subject as the seed's FAQ names it: „Neues Passwort für …“.
    passwordReset: {
      subject: (product) => `Neues Passwort für ${product}`,
      text: (product, link, validity) =>
        `Guten Tag,\n\nmit diesem Link vergeben Sie ein neues Passwort für ${product}:\n\n${link}\n\nDer Link ist ${validity} gültig und funktioniert einmal. Wenn Sie kein neues Passwort angefordert haben, können Sie diese E-Mail ignorieren; Ihr Passwort bleibt unverändert.`,
    },
    joinDecision: {
      approvedSubject: (organization) => `Ihre Anfrage für ${organization} wurde angenommen`,
      approvedText: (product, organization) =>
        `Guten Tag,\n\nIhre Anfrage, ${organization} in ${product} beizutreten, wurde angenommen. Sie können sich jetzt anmelden und als Mitglied arbeiten.`,
      declinedSubject: (organization) => `Ihre Anfrage für ${organization} wurde abgelehnt`,
      declinedText: (product, organization) =>
        `Guten Tag,\n\nIhre Anfrage, ${organization} in ${product} beizutreten, wurde abgelehnt. Wenn Sie das für einen Irrtum halten, wenden Sie sich bitte direkt an Ihre Ansprechperson dort.`,
    },
    accountInvitation: {
      subject: (product) => `Ihr Zugang zu ${product}`,
      text: (product, link, validity) =>
        `Guten Tag,\n\nfür Sie wurde ein Zugang zu ${product} eingerichtet. Mit diesem Link legen Sie Ihr Passwort fest:\n\n${link}\n\nDer Link ist ${validity} gültig und funktioniert einmal. Danach melden Sie sich mit Ihrem Passwort an.`,
    },
    guestInvitation: {
      subject: (product) => `Ihre Einladung zu ${product}`,
      text: (product, link, codeLine, validity) =>
        `Guten Tag,\n\nSie sind zu ${product} eingeladen, ohne sich registrieren zu müssen. Öffnen Sie diesen Link und wählen Sie „Anmeldung mit TAN“:\n\n${link}\n\n${codeLine}\n\nDie Einladung ist ${validity} gültig. Geben Sie Link und Code an niemanden weiter.`,
      codeLine: (code) => `Ihr einmaliger Code: ${code}`,
      codeApart: 'Ihren einmaligen Code erhalten Sie in einer eigenen Nachricht.',
    },
    guestCode: {
      subject: (product) => `Ihr Code für ${product}`,
      text: (product, code) => `Guten Tag,\n\nIhr einmaliger Code für die Einladung zu ${product}: ${code}\n\nGeben Sie ihn an niemanden weiter.`,
    },
  },
  en: {
    minutes: { one: '# minute', other: '# minutes' },
    hours: { one: '# hour', other: '# hours' },
    smsCode: (product, code) => `Your ${product} code: ${code}. Do not share it with anyone.`,
    emailCode: {
      subject: (product, code) => `${code} is your ${product} code`,
      text: (product, code, validity) =>
        `Hello,\n\nyour ${product} code is: ${code}\n\nIt is valid for ${validity}. Do not share it with anyone. If you did not ask for a code, you can ignore this e-mail.`,
    },
    verification: {
      subject: (product) => `Confirm your e-mail address for ${product}`,
      text: (product, link, validity) =>
        `Hello,\n\nplease confirm your e-mail address for ${product} with this link:\n\n${link}\n\nThe link is valid for ${validity}. If you did not register, you can ignore this e-mail.`,
    },
    passwordReset: {
      subject: (product) => `New password for ${product}`,
      text: (product, link, validity) =>
        `Hello,\n\nuse this link to set a new password for ${product}:\n\n${link}\n\nThe link is valid for ${validity} and works once. If you did not ask for a new password, you can ignore this e-mail; your password stays unchanged.`,
    },
    joinDecision: {
      approvedSubject: (organization) => `Your request for ${organization} was approved`,
      approvedText: (product, organization) =>
        `Hello,\n\nyour request to join ${organization} in ${product} was approved. You can now sign in and work as a member.`,
      declinedSubject: (organization) => `Your request for ${organization} was declined`,
      declinedText: (product, organization) =>
        `Hello,\n\nyour request to join ${organization} in ${product} was declined. If you think this is a mistake, please get in touch with your contact there directly.`,
    },
    accountInvitation: {
      subject: (product) => `Your access to ${product}`,
      text: (product, link, validity) =>
        `Hello,\n\nan account for ${product} was set up for you. Use this link to set your password:\n\n${link}\n\nThe link is valid for ${validity} and works once. Then sign in with your password.`,
    },
    guestInvitation: {
      subject: (product) => `Your invitation to ${product}`,
      text: (product, link, codeLine, validity) =>
        `Hello,\n\nyou are invited to ${product} without registering. Open this link and choose "Sign in with TAN":\n\n${link}\n\n${codeLine}\n\nThe invitation is valid for ${validity}. Do not share the link or the code with anyone.`,
      codeLine: (code) => `Your one-time code: ${code}`,
      codeApart: 'Your one-time code follows in a message of its own.',
    },
    guestCode: {
      subject: (product) => `Your ${product} code`,
      text: (product, code) => `Hello,\n\nyour one-time code for the invitation to ${product}: ${code}\n\nDo not share it with anyone.`,
    },
  },
  tr: {
    minutes: { one: '# dakika', other: '# dakika' },
    hours: { one: '# saat', other: '# saat' },
    smsCode: (product, code) => `${product} için kodunuz: ${code}. Bu kodu kimseyle paylaşmayın.`,
    emailCode: {
      subject: (product, code) => `${product} için kodunuz: ${code}`,
      text: (product, code, validity) =>
        `Merhaba,\n\n${product} için kodunuz: ${code}\n\nKod ${validity} süreyle geçerlidir. Bu kodu kimseyle paylaşmayın. Kod talep etmediyseniz bu e-postayı dikkate almayabilirsiniz.`,
    },
    verification: {
      subject: (product) => `${product} için e-posta adresinizi onaylayın`,
      text: (product, link, validity) =>
        `Merhaba,\n\nLütfen ${product} için e-posta adresinizi bu bağlantıyla onaylayın:\n\n${link}\n\nBağlantı ${validity} süreyle geçerlidir. Kaydolmadıysanız bu e-postayı dikkate almayabilirsiniz.`,
    },
    passwordReset: {
      subject: (product) => `${product} için yeni şifre`,
      text: (product, link, validity) =>
        `Merhaba,\n\nBu bağlantıyla ${product} için yeni bir şifre belirleyebilirsiniz:\n\n${link}\n\nBağlantı ${validity} süreyle geçerlidir ve yalnızca bir kez kullanılabilir. Yeni şifre talep etmediyseniz bu e-postayı dikkate almayabilirsiniz; şifreniz değişmeden kalır.`,
    },
    joinDecision: {
      approvedSubject: (organization) => `${organization} için talebiniz kabul edildi`,
      approvedText: (product, organization) =>
        `Merhaba,\n\n${product} üzerinden ${organization} bünyesine katılma talebiniz kabul edildi. Artık giriş yapabilir ve üye olarak çalışabilirsiniz.`,
      declinedSubject: (organization) => `${organization} için talebiniz reddedildi`,
      declinedText: (product, organization) =>
        `Merhaba,\n\n${product} üzerinden ${organization} bünyesine katılma talebiniz reddedildi. Bunun bir hata olduğunu düşünüyorsanız lütfen oradaki ilgili kişiyle doğrudan iletişime geçin.`,
    },
    accountInvitation: {
      subject: (product) => `${product} erişiminiz`,
      text: (product, link, validity) =>
        `Merhaba,\n\nSizin için bir ${product} erişimi oluşturuldu. Şifrenizi bu bağlantıyla belirleyebilirsiniz:\n\n${link}\n\nBağlantı ${validity} süreyle geçerlidir ve yalnızca bir kez kullanılabilir. Ardından şifrenizle giriş yapabilirsiniz.`,
    },
    guestInvitation: {
      subject: (product) => `${product} davetiniz`,
      text: (product, link, codeLine, validity) =>
        `Merhaba,\n\nKayıt olmanıza gerek kalmadan ${product} hizmetine davet edildiniz. Lütfen bu bağlantıyı açın ve “TAN ile giriş” seçeneğini seçin:\n\n${link}\n\n${codeLine}\n\nDavet ${validity} süreyle geçerlidir. Bağlantıyı ve kodu kimseyle paylaşmayın.`,
      codeLine: (code) => `Tek kullanımlık kodunuz: ${code}`,
      codeApart: 'Tek kullanımlık kodunuzu ayrı bir mesajla alacaksınız.',
    },
    guestCode: {
      subject: (product) => `${product} için kodunuz`,
      text: (product, code) => `Merhaba,\n\n${product} davetiniz için tek kullanımlık kodunuz: ${code}\n\nBu kodu kimseyle paylaşmayın.`,
    },
  },
  ar: {
    minutes: { zero: '# دقيقة', one: 'دقيقة واحدة', two: 'دقيقتين', few: '# دقائق', many: '# دقيقة', other: '# دقيقة' },
    hours: { zero: '# ساعة', one: 'ساعة واحدة', two: 'ساعتين', few: '# ساعات', many: '# ساعة', other: '# ساعة' },
    smsCode: (product, code) => `رمز ${product} الخاص بك: ${code}. يُرجى عدم مشاركته مع أي شخص.`,
    emailCode: {
      subject: (product, code) => `رمز ${product} الخاص بك: ${code}`,
      text: (product, code, validity) =>
        `مرحبًا،\n\nرمز ${product} الخاص بك هو: ${code}\n\nيبقى الرمز صالحًا لمدة ${validity}. يُرجى عدم مشاركته مع أي شخص. إذا لم يكن طلب الرمز صادرًا منك، يمكنك تجاهل هذه الرسالة.`,
    },
    verification: {
      subject: (product) => `تأكيد عنوان بريدك الإلكتروني في ${product}`,
      text: (product, link, validity) =>
        `مرحبًا،\n\nيُرجى تأكيد عنوان بريدك الإلكتروني في ${product} عبر هذا الرابط:\n\n${link}\n\nيبقى الرابط صالحًا لمدة ${validity}. إذا لم يكن التسجيل من قِبلك، يمكنك تجاهل هذه الرسالة.`,
    },
    passwordReset: {
      subject: (product) => `كلمة مرور جديدة لـ ${product}`,
      text: (product, link, validity) =>
        `مرحبًا،\n\nيمكنك تعيين كلمة مرور جديدة لـ ${product} عبر هذا الرابط:\n\n${link}\n\nيبقى الرابط صالحًا لمدة ${validity} ويعمل مرة واحدة فقط. إذا لم يكن طلب كلمة المرور الجديدة صادرًا منك، يمكنك تجاهل هذه الرسالة؛ وتبقى كلمة المرور الحالية دون تغيير.`,
    },
    joinDecision: {
      approvedSubject: (organization) => `تمت الموافقة على طلب الانضمام إلى ${organization}`,
      approvedText: (product, organization) =>
        `مرحبًا،\n\nتمت الموافقة على طلب الانضمام إلى ${organization} في ${product}. يمكنك الآن تسجيل الدخول والعمل بصفة عضو.`,
      declinedSubject: (organization) => `تم رفض طلب الانضمام إلى ${organization}`,
      declinedText: (product, organization) =>
        `مرحبًا،\n\nتم رفض طلب الانضمام إلى ${organization} في ${product}. إذا بدا لك أن ذلك خطأ، يُرجى التواصل مباشرةً مع جهة الاتصال هناك.`,
    },
    accountInvitation: {
      subject: (product) => `حسابك في ${product}`,
      text: (product, link, validity) =>
        `مرحبًا،\n\nتم إنشاء حساب لك في ${product}. يمكنك تعيين كلمة المرور عبر هذا الرابط:\n\n${link}\n\nيبقى الرابط صالحًا لمدة ${validity} ويعمل مرة واحدة فقط. بعد ذلك يمكنك تسجيل الدخول بكلمة المرور.`,
    },
    guestInvitation: {
      subject: (product) => `دعوتك إلى ${product}`,
      text: (product, link, codeLine, validity) =>
        `مرحبًا،\n\nتمت دعوتك إلى ${product} دون الحاجة إلى التسجيل. يُرجى فتح هذا الرابط واختيار «تسجيل الدخول برمز TAN»:\n\n${link}\n\n${codeLine}\n\nتبقى الدعوة صالحة لمدة ${validity}. يُرجى عدم مشاركة الرابط أو الرمز مع أي شخص.`,
      codeLine: (code) => `رمزك لمرة واحدة: ${code}`,
      codeApart: 'سيصلك رمزك لمرة واحدة في رسالة منفصلة.',
    },
    guestCode: {
      subject: (product) => `رمز ${product} الخاص بك`,
      text: (product, code) => `مرحبًا،\n\nرمزك لمرة واحدة للدعوة إلى ${product}: ${code}\n\nيُرجى عدم مشاركته مع أي شخص.`,
    },
  },
  uk: {
    minutes: { one: '# хвилину', few: '# хвилини', many: '# хвилин', other: '# хвилини' },
    hours: { one: '# годину', few: '# години', many: '# годин', other: '# години' },
    smsCode: (product, code) => `Ваш код для ${product}: ${code}. Нікому його не повідомляйте.`,
    emailCode: {
      subject: (product, code) => `Ваш код для ${product}: ${code}`,
      text: (product, code, validity) =>
        `Добрий день!\n\nВаш код для ${product}: ${code}\n\nКод дійсний ${validity}. Нікому його не повідомляйте. Якщо Ви не запитували код, просто проігноруйте цей лист.`,
    },
    verification: {
      subject: (product) => `Підтвердьте адресу електронної пошти для ${product}`,
      text: (product, link, validity) =>
        `Добрий день!\n\nПідтвердьте, будь ласка, свою адресу електронної пошти для ${product} за цим посиланням:\n\n${link}\n\nПосилання дійсне ${validity}. Якщо Ви не реєструвалися, просто проігноруйте цей лист.`,
    },
    passwordReset: {
      subject: (product) => `Новий пароль для ${product}`,
      text: (product, link, validity) =>
        `Добрий день!\n\nЗа цим посиланням Ви можете встановити новий пароль для ${product}:\n\n${link}\n\nПосилання дійсне ${validity} і спрацює лише один раз. Якщо Ви не запитували новий пароль, просто проігноруйте цей лист — Ваш пароль залишиться без змін.`,
    },
    joinDecision: {
      approvedSubject: (organization) => `Ваш запит до «${organization}» схвалено`,
      approvedText: (product, organization) =>
        `Добрий день!\n\nВаш запит на приєднання до «${organization}» у ${product} схвалено. Тепер Ви можете увійти й працювати як учасник.`,
      declinedSubject: (organization) => `Ваш запит до «${organization}» відхилено`,
      declinedText: (product, organization) =>
        `Добрий день!\n\nВаш запит на приєднання до «${organization}» у ${product} відхилено. Якщо Ви вважаєте, що це помилка, зверніться, будь ласка, безпосередньо до своєї контактної особи там.`,
    },
    accountInvitation: {
      subject: (product) => `Ваш доступ до ${product}`,
      text: (product, link, validity) =>
        `Добрий день!\n\nДля Вас створено доступ до ${product}. За цим посиланням Ви можете встановити свій пароль:\n\n${link}\n\nПосилання дійсне ${validity} і спрацює лише один раз. Після цього входьте зі своїм паролем.`,
    },
    guestInvitation: {
      subject: (product) => `Ваше запрошення до ${product}`,
      text: (product, link, codeLine, validity) =>
        `Добрий день!\n\nВас запрошено до ${product} без реєстрації. Відкрийте це посилання та виберіть «Вхід за TAN»:\n\n${link}\n\n${codeLine}\n\nЗапрошення дійсне ${validity}. Нікому не передавайте посилання й код.`,
      codeLine: (code) => `Ваш одноразовий код: ${code}`,
      codeApart: 'Одноразовий код Ви отримаєте окремим повідомленням.',
    },
    guestCode: {
      subject: (product) => `Ваш код для ${product}`,
      text: (product, code) => `Добрий день!\n\nВаш одноразовий код для запрошення до ${product}: ${code}\n\nНікому його не повідомляйте.`,
    },
  },
  ru: {
    minutes: { one: '# минуту', few: '# минуты', many: '# минут', other: '# минуты' },
    hours: { one: '# час', few: '# часа', many: '# часов', other: '# часа' },
    smsCode: (product, code) => `Ваш код для ${product}: ${code}. Никому его не сообщайте.`,
    emailCode: {
      subject: (product, code) => `Ваш код для ${product}: ${code}`,
      text: (product, code, validity) =>
        `Здравствуйте!\n\nВаш код для ${product}: ${code}\n\nКод действует ${validity}. Никому его не сообщайте. Если Вы не запрашивали код, просто проигнорируйте это письмо.`,
    },
    verification: {
      subject: (product) => `Подтвердите адрес электронной почты для ${product}`,
      text: (product, link, validity) =>
        `Здравствуйте!\n\nПожалуйста, подтвердите свой адрес электронной почты для ${product} по этой ссылке:\n\n${link}\n\nСсылка действует ${validity}. Если Вы не регистрировались, просто проигнорируйте это письмо.`,
    },
    passwordReset: {
      subject: (product) => `Новый пароль для ${product}`,
      text: (product, link, validity) =>
        `Здравствуйте!\n\nПо этой ссылке Вы можете задать новый пароль для ${product}:\n\n${link}\n\nСсылка действует ${validity} и сработает только один раз. Если Вы не запрашивали новый пароль, просто проигнорируйте это письмо — Ваш пароль останется прежним.`,
    },
    joinDecision: {
      approvedSubject: (organization) => `Ваш запрос в «${organization}» одобрен`,
      approvedText: (product, organization) =>
        `Здравствуйте!\n\nВаш запрос на присоединение к «${organization}» в ${product} одобрен. Теперь Вы можете войти и работать как участник.`,
      declinedSubject: (organization) => `Ваш запрос в «${organization}» отклонён`,
      declinedText: (product, organization) =>
        `Здравствуйте!\n\nВаш запрос на присоединение к «${organization}» в ${product} отклонён. Если Вы считаете, что это ошибка, пожалуйста, обратитесь напрямую к своему контактному лицу там.`,
    },
    accountInvitation: {
      subject: (product) => `Ваш доступ к ${product}`,
      text: (product, link, validity) =>
        `Здравствуйте!\n\nДля Вас создан доступ к ${product}. По этой ссылке Вы можете задать свой пароль:\n\n${link}\n\nСсылка действует ${validity} и сработает только один раз. После этого входите со своим паролем.`,
    },
    guestInvitation: {
      subject: (product) => `Ваше приглашение в ${product}`,
      text: (product, link, codeLine, validity) =>
        `Здравствуйте!\n\nВы приглашены в ${product} без регистрации. Откройте эту ссылку и выберите «Вход по TAN»:\n\n${link}\n\n${codeLine}\n\nПриглашение действует ${validity}. Никому не передавайте ссылку и код.`,
      codeLine: (code) => `Ваш одноразовый код: ${code}`,
      codeApart: 'Одноразовый код придёт отдельным сообщением.',
    },
    guestCode: {
      subject: (product) => `Ваш код для ${product}`,
      text: (product, code) => `Здравствуйте!\n\nВаш одноразовый код для приглашения в ${product}: ${code}\n\nНикому его не сообщайте.`,
    },
  },
  pl: {
    minutes: { one: '# minutę', few: '# minuty', many: '# minut', other: '# minuty' },
    hours: { one: '# godzinę', few: '# godziny', many: '# godzin', other: '# godziny' },
    smsCode: (product, code) => `Kod do usługi ${product}: ${code}. Prosimy nikomu go nie przekazywać.`,
    emailCode: {
      subject: (product, code) => `Kod do usługi ${product}: ${code}`,
      text: (product, code, validity) =>
        `Dzień dobry,\n\nkod do usługi ${product} to: ${code}\n\nKod jest ważny przez ${validity}. Prosimy nikomu go nie przekazywać. Jeśli nie prosili Państwo o kod, można zignorować tę wiadomość.`,
    },
    verification: {
      subject: (product) => `Potwierdzenie adresu e-mail w usłudze ${product}`,
      text: (product, link, validity) =>
        `Dzień dobry,\n\nprosimy potwierdzić adres e-mail w usłudze ${product}, korzystając z tego linku:\n\n${link}\n\nLink jest ważny przez ${validity}. Jeśli nie rejestrowali się Państwo, można zignorować tę wiadomość.`,
    },
    passwordReset: {
      subject: (product) => `Nowe hasło do usługi ${product}`,
      text: (product, link, validity) =>
        `Dzień dobry,\n\nza pomocą tego linku można ustawić nowe hasło do usługi ${product}:\n\n${link}\n\nLink jest ważny przez ${validity} i działa tylko raz. Jeśli nie prosili Państwo o nowe hasło, można zignorować tę wiadomość; dotychczasowe hasło pozostanie bez zmian.`,
    },
    joinDecision: {
      approvedSubject: (organization) => `Prośba o dołączenie do „${organization}” została przyjęta`,
      approvedText: (product, organization) =>
        `Dzień dobry,\n\nprośba o dołączenie do „${organization}” w usłudze ${product} została przyjęta. Można się teraz zalogować i pracować jako członek.`,
      declinedSubject: (organization) => `Prośba o dołączenie do „${organization}” została odrzucona`,
      declinedText: (product, organization) =>
        `Dzień dobry,\n\nprośba o dołączenie do „${organization}” w usłudze ${product} została odrzucona. Jeśli to Państwa zdaniem pomyłka, prosimy o bezpośredni kontakt z osobą kontaktową na miejscu.`,
    },
    accountInvitation: {
      subject: (product) => `Dostęp do usługi ${product}`,
      text: (product, link, validity) =>
        `Dzień dobry,\n\nutworzono dostęp do usługi ${product}. Za pomocą tego linku można ustawić własne hasło:\n\n${link}\n\nLink jest ważny przez ${validity} i działa tylko raz. Następnie można logować się tym hasłem.`,
    },
    guestInvitation: {
      subject: (product) => `Zaproszenie do usługi ${product}`,
      text: (product, link, codeLine, validity) =>
        `Dzień dobry,\n\nprzesyłamy zaproszenie do usługi ${product} bez konieczności rejestracji. Proszę otworzyć ten link i wybrać „Logowanie kodem TAN”:\n\n${link}\n\n${codeLine}\n\nZaproszenie jest ważne przez ${validity}. Prosimy nikomu nie przekazywać linku ani kodu.`,
      codeLine: (code) => `Jednorazowy kod: ${code}`,
      codeApart: 'Jednorazowy kod zostanie przesłany w osobnej wiadomości.',
    },
    guestCode: {
      subject: (product) => `Kod do usługi ${product}`,
      text: (product, code) => `Dzień dobry,\n\njednorazowy kod do zaproszenia do usługi ${product}: ${code}\n\nProsimy nikomu go nie przekazywać.`,
    },
  },
  fr: {
    minutes: { one: `#${nbsp}minute`, other: `#${nbsp}minutes` },
    hours: { one: `#${nbsp}heure`, other: `#${nbsp}heures` },
    smsCode: (product, code) => `Votre code ${product}${nbsp}: ${code}. Ne le communiquez à personne.`,
    emailCode: {
      subject: (product, code) => `${code} est votre code ${product}`,
      text: (product, code, validity) =>
        `Bonjour,\n\nvotre code ${product} est${nbsp}: ${code}\n\nIl est valable ${validity}. Ne le communiquez à personne. Si vous n’avez pas demandé de code, vous pouvez ignorer cet e-mail.`,
    },
    verification: {
      subject: (product) => `Confirmez votre adresse e-mail pour ${product}`,
      text: (product, link, validity) =>
        `Bonjour,\n\nveuillez confirmer votre adresse e-mail pour ${product} à l’aide de ce lien${nbsp}:\n\n${link}\n\nLe lien est valable ${validity}. Si vous n’êtes pas à l’origine de cette inscription, vous pouvez ignorer cet e-mail.`,
    },
    passwordReset: {
      subject: (product) => `Nouveau mot de passe pour ${product}`,
      text: (product, link, validity) =>
        `Bonjour,\n\nce lien vous permet de définir un nouveau mot de passe pour ${product}${nbsp}:\n\n${link}\n\nLe lien est valable ${validity} et ne fonctionne qu’une seule fois. Si vous n’avez pas demandé de nouveau mot de passe, vous pouvez ignorer cet e-mail${nbsp}; votre mot de passe reste inchangé.`,
    },
    joinDecision: {
      approvedSubject: (organization) => `Votre demande pour ${organization} a été acceptée`,
      approvedText: (product, organization) =>
        `Bonjour,\n\nvotre demande pour rejoindre ${organization} dans ${product} a été acceptée. Vous pouvez maintenant vous connecter et travailler en tant que membre.`,
      declinedSubject: (organization) => `Votre demande pour ${organization} a été refusée`,
      declinedText: (product, organization) =>
        `Bonjour,\n\nvotre demande pour rejoindre ${organization} dans ${product} a été refusée. Si vous pensez qu’il s’agit d’une erreur, veuillez contacter directement votre interlocuteur sur place.`,
    },
    accountInvitation: {
      subject: (product) => `Votre accès à ${product}`,
      text: (product, link, validity) =>
        `Bonjour,\n\nun accès à ${product} a été créé pour vous. Ce lien vous permet de définir votre mot de passe${nbsp}:\n\n${link}\n\nLe lien est valable ${validity} et ne fonctionne qu’une seule fois. Vous vous connecterez ensuite avec votre mot de passe.`,
    },
    guestInvitation: {
      subject: (product) => `Votre invitation à ${product}`,
      text: (product, link, codeLine, validity) =>
        `Bonjour,\n\nvous avez reçu une invitation à ${product}, sans inscription. Ouvrez ce lien et choisissez «${nbsp}Connexion avec TAN${nbsp}»${nbsp}:\n\n${link}\n\n${codeLine}\n\nL’invitation est valable ${validity}. Ne communiquez le lien et le code à personne.`,
      codeLine: (code) => `Votre code à usage unique${nbsp}: ${code}`,
      codeApart: 'Votre code à usage unique vous parviendra dans un message séparé.',
    },
    guestCode: {
      subject: (product) => `Votre code ${product}`,
      text: (product, code) => `Bonjour,\n\nvotre code à usage unique pour l’invitation à ${product}${nbsp}: ${code}\n\nNe le communiquez à personne.`,
    },
  },
  it: {
    minutes: { one: '# minuto', other: '# minuti' },
    hours: { one: '# ora', other: '# ore' },
    smsCode: (product, code) => `Il suo codice per ${product}: ${code}. Non lo comunichi a nessuno.`,
    emailCode: {
      subject: (product, code) => `${code} è il suo codice per ${product}`,
      text: (product, code, validity) =>
        `Buongiorno,\n\nil suo codice per ${product} è: ${code}\n\nÈ valido per ${validity}. Non lo comunichi a nessuno. Se non ha richiesto alcun codice, può ignorare questa e-mail.`,
    },
    verification: {
      subject: (product) => `Confermi il suo indirizzo e-mail per ${product}`,
      text: (product, link, validity) =>
        `Buongiorno,\n\nla preghiamo di confermare il suo indirizzo e-mail per ${product} con questo link:\n\n${link}\n\nIl link è valido per ${validity}. Se non ha effettuato alcuna registrazione, può ignorare questa e-mail.`,
    },
    passwordReset: {
      subject: (product) => `Nuova password per ${product}`,
      text: (product, link, validity) =>
        `Buongiorno,\n\ncon questo link può impostare una nuova password per ${product}:\n\n${link}\n\nIl link è valido per ${validity} e funziona una sola volta. Se non ha richiesto una nuova password, può ignorare questa e-mail; la sua password resta invariata.`,
    },
    joinDecision: {
      approvedSubject: (organization) => `La sua richiesta per ${organization} è stata accettata`,
      approvedText: (product, organization) =>
        `Buongiorno,\n\nla sua richiesta di unirsi a ${organization} in ${product} è stata accettata. Ora può accedere e lavorare come membro.`,
      declinedSubject: (organization) => `La sua richiesta per ${organization} è stata rifiutata`,
      declinedText: (product, organization) =>
        `Buongiorno,\n\nla sua richiesta di unirsi a ${organization} in ${product} è stata rifiutata. Se ritiene che si tratti di un errore, si rivolga direttamente alla sua persona di riferimento.`,
    },
    accountInvitation: {
      subject: (product) => `Il suo accesso a ${product}`,
      text: (product, link, validity) =>
        `Buongiorno,\n\nè stato creato per lei un accesso a ${product}. Con questo link può impostare la sua password:\n\n${link}\n\nIl link è valido per ${validity} e funziona una sola volta. Dopo potrà accedere con la sua password.`,
    },
    guestInvitation: {
      subject: (product) => `Il suo invito a ${product}`,
      text: (product, link, codeLine, validity) =>
        `Buongiorno,\n\nha ricevuto un invito a ${product}, senza bisogno di registrarsi. Apra questo link e scelga «Accesso con TAN»:\n\n${link}\n\n${codeLine}\n\nL’invito è valido per ${validity}. Non condivida il link né il codice con nessuno.`,
      codeLine: (code) => `Il suo codice monouso: ${code}`,
      codeApart: 'Il codice monouso le arriverà in un messaggio separato.',
    },
    guestCode: {
      subject: (product) => `Il suo codice per ${product}`,
      text: (product, code) => `Buongiorno,\n\nil suo codice monouso per l’invito a ${product}: ${code}\n\nNon lo condivida con nessuno.`,
    },
  },
  es: {
    minutes: { one: '# minuto', other: '# minutos' },
    hours: { one: '# hora', other: '# horas' },
    smsCode: (product, code) => `Su código para ${product}: ${code}. No lo comparta con nadie.`,
    emailCode: {
      subject: (product, code) => `${code} es su código para ${product}`,
      text: (product, code, validity) =>
        `Hola:\n\nSu código para ${product} es: ${code}\n\nEs válido durante ${validity}. No lo comparta con nadie. Si no ha solicitado ningún código, puede ignorar este correo electrónico.`,
    },
    verification: {
      subject: (product) => `Confirme su dirección de correo electrónico para ${product}`,
      text: (product, link, validity) =>
        `Hola:\n\nConfirme su dirección de correo electrónico para ${product} con este enlace:\n\n${link}\n\nEl enlace es válido durante ${validity}. Si no se ha registrado, puede ignorar este correo electrónico.`,
    },
    passwordReset: {
      subject: (product) => `Nueva contraseña para ${product}`,
      text: (product, link, validity) =>
        `Hola:\n\nCon este enlace puede establecer una nueva contraseña para ${product}:\n\n${link}\n\nEl enlace es válido durante ${validity} y solo funciona una vez. Si no ha solicitado una nueva contraseña, puede ignorar este correo electrónico; su contraseña no cambiará.`,
    },
    joinDecision: {
      approvedSubject: (organization) => `Su solicitud para ${organization} ha sido aceptada`,
      approvedText: (product, organization) =>
        `Hola:\n\nSu solicitud para unirse a ${organization} en ${product} ha sido aceptada. Ya puede iniciar sesión y trabajar como miembro.`,
      declinedSubject: (organization) => `Su solicitud para ${organization} ha sido rechazada`,
      declinedText: (product, organization) =>
        `Hola:\n\nSu solicitud para unirse a ${organization} en ${product} ha sido rechazada. Si cree que se trata de un error, póngase en contacto directamente con su persona de contacto allí.`,
    },
    accountInvitation: {
      subject: (product) => `Su acceso a ${product}`,
      text: (product, link, validity) =>
        `Hola:\n\nSe ha creado un acceso a ${product} para usted. Con este enlace puede establecer su contraseña:\n\n${link}\n\nEl enlace es válido durante ${validity} y solo funciona una vez. Después podrá iniciar sesión con su contraseña.`,
    },
    guestInvitation: {
      subject: (product) => `Su invitación a ${product}`,
      text: (product, link, codeLine, validity) =>
        `Hola:\n\nHa recibido una invitación a ${product}, sin necesidad de registrarse. Abra este enlace y elija «Acceso con TAN»:\n\n${link}\n\n${codeLine}\n\nLa invitación es válida durante ${validity}. No comparta el enlace ni el código con nadie.`,
      codeLine: (code) => `Su código de un solo uso: ${code}`,
      codeApart: 'Recibirá su código de un solo uso en un mensaje aparte.',
    },
    guestCode: {
      subject: (product) => `Su código para ${product}`,
      text: (product, code) => `Hola:\n\nSu código de un solo uso para la invitación a ${product}: ${code}\n\nNo lo comparta con nadie.`,
    },
  },
};

/**
 * The host of the WebOTP line for a page origin: the origin's host name
 * without port, and only where the SMS format allows one (letters, digits,
 * dots and hyphens: no IPv6 address, no port). Otherwise none.
 */
export function webOtpHost(origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  let hostname: string;
  try {
    hostname = new URL(origin).hostname;
  } catch {
    return undefined;
  }
  return /^[a-z0-9.-]+$/i.test(hostname) ? hostname : undefined;
}

/**
 * The texts a backend sends, the same from every backend: in the person's
 * language (`messageLocale` of the flow's locale) and naming the product,
 * never the library.
 */
export const messageTexts = {
  /**
   * An SMS code. With `host` (the host of the page the widget runs on) the
   * last line is the origin-bound code of the WebOTP format, `@host #code`,
   * which lets the browser offer the code to that page and to no other.
   */
  smsCode(code: string, context: MessageContext & { host?: string | undefined }): string {
    const text = messageTables[messageLocale(context.locale)].smsCode(context.product, code);
    return context.host === undefined ? text : `${text}\n\n@${context.host} #${code}`;
  },

  /** An e-mail with a one-time code valid for `validityMinutes`. */
  emailCode(code: string, validityMinutes: number, context: MessageContext): EmailText {
    const locale = messageLocale(context.locale);
    const { emailCode, minutes } = messageTables[locale];
    return {
      subject: emailCode.subject(context.product, code),
      text: emailCode.text(context.product, code, countText(locale, validityMinutes, minutes)),
    };
  },

  /** An e-mail with the link that confirms the address, valid for `validityHours`. */
  verification(link: string, validityHours: number, context: MessageContext): EmailText {
    const locale = messageLocale(context.locale);
    const { verification, hours } = messageTables[locale];
    return {
      subject: verification.subject(context.product),
      text: verification.text(context.product, link, countText(locale, validityHours, hours)),
    };
  },

  /** An e-mail with a password-reset link, valid for `validityMinutes`. */
  passwordReset(link: string, validityMinutes: number, context: MessageContext): EmailText {
    const locale = messageLocale(context.locale);
    const { passwordReset, minutes } = messageTables[locale];
    return {
      subject: passwordReset.subject(context.product),
      text: passwordReset.text(context.product, link, countText(locale, validityMinutes, minutes)),
    };
  },

  /** An e-mail to a person who asked to join `organization`: a member approved or declined the request. */
  joinDecision(approved: boolean, organization: string, context: MessageContext): EmailText {
    const { joinDecision } = messageTables[messageLocale(context.locale)];
    return approved
      ? { subject: joinDecision.approvedSubject(organization), text: joinDecision.approvedText(context.product, organization) }
      : { subject: joinDecision.declinedSubject(organization), text: joinDecision.declinedText(context.product, organization) };
  },

  /**
   * An e-mail that lets someone an account was created for (by a practice, an
   * admin) set their own first password, with a link valid for `validityHours`.
   */
  accountInvitation(link: string, validityHours: number, context: MessageContext): EmailText {
    const locale = messageLocale(context.locale);
    const { accountInvitation, hours } = messageTables[locale];
    return {
      subject: accountInvitation.subject(context.product),
      text: accountInvitation.text(context.product, link, countText(locale, validityHours, hours)),
    };
  },

  /**
   * A guest invitation (access by TAN, no account): the link, and the one-time
   * code when it comes with the link (else `code` is undefined and it follows
   * in a message of its own).
   */
  guestInvitation(link: string, code: string | undefined, validityHours: number, context: MessageContext): EmailText {
    const locale = messageLocale(context.locale);
    const { guestInvitation, hours } = messageTables[locale];
    const codeLine = code === undefined ? guestInvitation.codeApart : guestInvitation.codeLine(code);
    return {
      subject: guestInvitation.subject(context.product),
      text: guestInvitation.text(context.product, link, codeLine, countText(locale, validityHours, hours)),
    };
  },

  /** The one-time code of a guest invitation, sent apart from its link (e-mail). */
  guestCode(code: string, context: MessageContext): EmailText {
    const { guestCode } = messageTables[messageLocale(context.locale)];
    return { subject: guestCode.subject(context.product), text: guestCode.text(context.product, code) };
  },
};

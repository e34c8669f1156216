import { PforteCaptcha } from '../captcha/captcha.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-captcha', PforteCaptcha);

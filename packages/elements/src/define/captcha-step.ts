import { PforteCaptchaStep } from '../captcha-step/captcha-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-captcha-step', PforteCaptchaStep);

import { PforteCodeInput } from '../code-input/code-input.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-code-input', PforteCodeInput);

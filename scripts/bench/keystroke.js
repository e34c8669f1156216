import { evaluatePassword, policyPresets } from '/packages/elements/dist/cdn/pforte.js';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// 128 characters (code points) with every class, umlauts and an emoji.
const characters = [...'Ärztekammer-Praxis#2026!😀ß€'.repeat(8)];
const password = characters.slice(0, 128).join('');
const variants = [password, characters.slice(0, 127).join('') + 'x'];
const ofLength = (length) => characters.slice(0, length).join('');
const policy = policyPresets.strict10;

// Rule evaluation alone: batches of 1000 calls, median per call.
const batches = [];
for (let batch = 0; batch < 30; batch += 1) {
  const started = performance.now();
  for (let call = 0; call < 1000; call += 1) evaluatePassword(policy, variants[call % 2], { identifier: 'praxis.team' });
  batches.push((performance.now() - started) / 1000);
}

// A keystroke: the password property changes, the checklist re-renders.
const checklist = document.querySelector('pforte-password-checklist');
checklist.policy = policy;
checklist.identifier = 'praxis.team';
await checklist.updateComplete;
// Timers are coarse (0.1 ms), so each sample times 50 keystrokes.
const updates = [];
for (let sample = 0; sample < 20; sample += 1) {
  const started = performance.now();
  for (let keystroke = 0; keystroke < 50; keystroke += 1) {
    // Grows and shrinks between 100 and 128 characters, flipping rules on the way.
    checklist.password = ofLength(100 + ((sample * 50 + keystroke) % 29));
    await checklist.updateComplete;
  }
  updates.push((performance.now() - started) / 50);
}
window.pforteBench = { evaluationMs: median(batches), checklistUpdateMs: median(updates), length: [...password].length };

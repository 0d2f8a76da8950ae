// `npm run totp [secret]`: the current six-digit code for the demo account demo2fa (or for the
// base32 secret given), as an authenticator app would show it. Needs the build (`npm start` does it).
import { DEMO_TOTP_ACCOUNT } from '../packages/zomro-emulator/dist/demo-data.js';
import { totpCode } from '../packages/zomro-emulator/dist/totp.js';

const secret = process.argv[2] ?? DEMO_TOTP_ACCOUNT.totpSecret;
const seconds = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${totpCode(secret)}  (valid for ${seconds} more seconds)`);

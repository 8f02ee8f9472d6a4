/**
 * Imported first by a test file that must run in China's time zone (UTC+8, no daylight saving): module bodies run
 * in import order, so every later import and the test itself see Asia/Shanghai. Node applies a TZ set at run time
 * to every Date from then on; each test file runs in its own process, so other files keep the machine's zone.
 */
process.env.TZ = 'Asia/Shanghai'

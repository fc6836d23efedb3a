// dotenv prints a banner unless told to be quiet: the one place the flag is set, for the tests and the processes
// they start (which inherit this environment). The code's own dotenv calls pass `quiet: true`.
process.env.DOTENV_CONFIG_QUIET = 'true';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';

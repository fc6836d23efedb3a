// `natural` loads dotenv at import time and prints a banner unless told to be quiet.
process.env.DOTENV_CONFIG_QUIET = 'true';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';

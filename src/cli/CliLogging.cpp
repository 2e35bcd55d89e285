#include "CliLogging.h"

Q_LOGGING_CATEGORY(lcCli, "cis.cli", QtInfoMsg)

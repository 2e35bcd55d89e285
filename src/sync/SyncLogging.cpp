#include "SyncLogging.h"

Q_LOGGING_CATEGORY(lcSync, "cis.sync", QtInfoMsg)

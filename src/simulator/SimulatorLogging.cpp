#include "SimulatorLogging.h"

Q_LOGGING_CATEGORY(lcSimulator, "cis.simulator", QtInfoMsg)

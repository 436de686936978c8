#include "BondBackend.h"

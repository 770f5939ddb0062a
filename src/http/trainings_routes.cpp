// (trainings routes: filled by its helper)
#include "http/router.hpp"

namespace cnscd::http {

void AddTrainingRoutes(Router& /*router*/) {}

}  // namespace cnscd::http

# Ports and settings of the six services, shared by up.sh, down.sh and the tests. Sourced.
SERVICES=(plans support-programs training awards audit notifications)
export PLANS_PORT="${PLANS_PORT:-3001}"
export SUPPORT_PROGRAMS_PORT="${SUPPORT_PROGRAMS_PORT:-3002}"
export TRAINING_PORT="${TRAINING_PORT:-3003}"
export AWARDS_PORT="${AWARDS_PORT:-3004}"
export AUDIT_PORT="${AUDIT_PORT:-3005}"
export NOTIFICATIONS_PORT="${NOTIFICATIONS_PORT:-3006}"
service_port() {
  local var
  var="$(echo "$1" | tr 'a-z-' 'A-Z_')_PORT"
  echo "${!var}"
}

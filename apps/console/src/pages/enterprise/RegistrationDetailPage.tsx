export function RegistrationDetailPage() {
  return null;
}

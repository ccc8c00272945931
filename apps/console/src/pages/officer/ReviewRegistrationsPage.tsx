export function ReviewRegistrationsPage() {
  return null;
}

export function CertificationsPage() {
  return null;
}

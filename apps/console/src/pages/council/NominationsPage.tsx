export function NominationsPage() {
  return null;
}

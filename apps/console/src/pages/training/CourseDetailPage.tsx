export function CourseDetailPage() {
  return null;
}

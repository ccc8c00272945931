/** Who acts in the support-programme routes (`@Roles`); units are checked by the handlers' AccessPolicy. */

/** The office that reviews registrations (scope: the programme's unit subtree). */
export const REVIEWERS = ['province-admin', 'department-officer', 'commune-officer'] as const;

/** Start and outcome of a pilot model: the enterprise itself, or the reviewing office. */
export const IMPLEMENTERS = ['enterprise', ...REVIEWERS] as const;

/** Who registers an enterprise or changes its profile: the enterprise itself, or officers of its unit. */
export const ENTERPRISE_WRITERS = ['enterprise', 'province-admin', 'department-officer', 'commune-officer', 'village-officer'] as const;

/** Strings of the namespace `categories`. */
export default {
  create: 'New category',
  edit: 'Edit category',
  createChild: 'New subcategory of “{{parent}}”',
  addChild: 'Add subcategory',
  addChildLabel: 'Add a subcategory to {{name}}',
  inactive: 'inactive',
  columns: {
    name: 'Category',
    audience: 'Visible to',
    public: 'Clients and staff',
    internal: 'Staff only',
  },
  form: {
    parent: 'Parent category',
    parentHint: 'Empty: a top-level category. Categories have two levels.',
    parentLocked: 'A category with subcategories stays at the top level',
    topLevel: 'None (top level)',
    isPublic: 'Public',
    isPublicHint: 'Clients can file tickets under it',
    active: 'Active',
    activeHint: 'Inactive categories cannot be chosen for new tickets',
  },
} as const;

// The ten objects of a unit; in unit u, generation > 0 changes the object at position u % 10.
exports.unitLayout = ["rg-0", "rg-1", "ug-0", "members-0", "ug-1", "members-1", "ug-2", "members-2", "sso", "oauth"];

/** The Pulumi resource name of a unit's object. */
exports.resourceName = (unit, object) => {
  const [kind, index] = object.split("-");
  return index === undefined ? `${kind}-${unit}` : `${kind}-${unit}-${index}`;
};

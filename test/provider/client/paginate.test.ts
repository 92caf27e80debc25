/** When a page-numbered list has more pages: from result_info when it is there, from the page size when not (fact 4). */
import { hasMorePages, PAGE_SIZE } from "../../../provider/client/paginate";

it("trusts total_pages first", () => {
  expect(hasMorePages(1, 50, { total_pages: 2, total_count: 50 }, 50)).toBe(true);
  expect(hasMorePages(2, 50, { total_pages: 2, total_count: 500 }, 50)).toBe(false);
});

it("then total_count, at the page size the answer says it used", () => {
  expect(hasMorePages(1, 20, { total_count: 21, per_page: 20 }, 50)).toBe(true);
  expect(hasMorePages(2, 20, { total_count: 40, per_page: 20 }, 50)).toBe(false);
  expect(hasMorePages(1, 50, { total_count: 51 }, 50)).toBe(true);
  expect(hasMorePages(1, 50, { total_count: 50 }, 50)).toBe(false);
});

it("without result_info, takes only a short page for the last one", () => {
  expect(hasMorePages(1, 50, undefined, 50)).toBe(true);
  expect(hasMorePages(1, 49, undefined, 50)).toBe(false);
  expect(hasMorePages(3, 49, {}, 50)).toBe(false);
});

it("stops at an empty page whatever result_info claims", () => {
  expect(hasMorePages(1, 0, { total_pages: 5 }, 50)).toBe(false);
});

it("asks for the largest page each list accepts (facts 1, 15, 27 and 49; the legacy roles at the reference page's 50)", () => {
  expect(PAGE_SIZE).toEqual({ permissionGroups: 50, userGroups: 500, userGroupMembers: 500, accountMembers: 50, roles: 50 });
});

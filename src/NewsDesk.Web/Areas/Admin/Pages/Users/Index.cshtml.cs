using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Data;
using NewsDesk.Core.Users;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Admin.Pages.Users;

public sealed class IndexModel(NewsDeskDbContext db, UserAccounts accounts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var created = await accounts.CreateAsync(Input.Email, Input.Password, Input.Role, User.ToActor(), cancellationToken);
            if (created.Succeeded)
            {
                TempData["Flash"] = $"Added {Input.Email} as {Input.Role}.";
                return Redirect("/admin/users");
            }

            created.Errors.ToList().ForEach(e => ModelState.AddModelError("", e));
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.CreatedAt, u.DisabledAt, u.LockoutEnd }).ToListAsync(cancellationToken);
        Users = [.. users.Select(u => new Row(u.Id, u.Email ?? "", string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name)), u.DisabledAt is not null, u.LockoutEnd, u.CreatedAt))];
    }

    public sealed record Row(string Id, string Email, string Role, bool Disabled, DateTimeOffset? LockedUntil, DateTime CreatedAt);

    public sealed class InputModel
    {
        [Required]
        [EmailAddress]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required]
        public string Role { get; set; } = Roles.Editor;

        [Required]
        [DataType(DataType.Password)]
        [StringLength(1024, MinimumLength = IdentityPolicy.MinimumPasswordLength, ErrorMessage = "The password must be at least {2} characters.")]
        public string Password { get; set; } = "";
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Core.Users;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Admin.Pages.Users;

public sealed class EditModel(UserManager<NewsDeskUser> users, UserAccounts accounts) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    public string Email { get; private set; } = "";

    public string Role { get; private set; } = "";

    public bool Disabled { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        Email = user.Email ?? "";
        Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        Disabled = user.DisabledAt is not null;
        LockedUntil = user.LockoutEnd;
        CreatedAt = user.CreatedAt;
        return Page();
    }

    public Task<IActionResult> OnPostRoleAsync(string role, CancellationToken cancellationToken) =>
        Done(accounts.SetRoleAsync(Id, role, User.ToActor(), cancellationToken), $"Role changed to {role}.");

    public Task<IActionResult> OnPostDisableAsync(bool disabled, CancellationToken cancellationToken) =>
        Done(accounts.SetDisabledAsync(Id, disabled, User.ToActor(), cancellationToken), disabled ? "Disabled; their sessions have ended." : "Enabled.");

    public Task<IActionResult> OnPostResetAsync(string password, CancellationToken cancellationToken) =>
        Done(accounts.ResetPasswordAsync(Id, password, User.ToActor(), cancellationToken), "Password reset.");

    private async Task<IActionResult> Done(Task<AccountResult> change, string message)
    {
        var result = await change;
        if (!result.Succeeded && result.Errors is ["No such user."])
        {
            return NotFound();
        }

        TempData[result.Succeeded ? "Flash" : "Error"] = result.Succeeded ? message : result.ErrorLine;
        return Redirect($"/admin/users/{Id}");
    }
}

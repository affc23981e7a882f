using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Users;

namespace NewsDesk.Web.Pages;

/// <summary>The one-time page that creates the first admin when none exists (and none is configured by environment).</summary>
public sealed class SetupModel(UserAccounts accounts, UserManager<NewsDeskUser> users, SignInManager<NewsDeskUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await accounts.AnyAdminAsync() ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await accounts.AnyAdminAsync())
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var created = await accounts.CreateAsync(Input.Email, Input.Password, Roles.Admin, Actor.System("setup"), HttpContext.RequestAborted);
        if (!created.Succeeded)
        {
            created.Errors.ToList().ForEach(e => ModelState.AddModelError("", e));
            return Page();
        }

        // Two people submitting at once: the earliest admin wins and the page stays closed.
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        var first = admins.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal).First();
        if (first.Id != created.User!.Id)
        {
            await users.DeleteAsync(created.User);
            return NotFound();
        }

        await signIn.SignInAsync(created.User, isPersistent: false);
        TempData["Flash"] = "Welcome. You are the first admin: add editors under Users.";
        return Redirect("/admin/users");
    }

    public sealed class InputModel
    {
        [Required]
        [EmailAddress]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required]
        [DataType(DataType.Password)]
        [StringLength(1024, MinimumLength = IdentityPolicy.MinimumPasswordLength, ErrorMessage = "The password must be at least {2} characters.")]
        public string Password { get; set; } = "";

        [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password again")]
        public string Confirm { get; set; } = "";
    }
}

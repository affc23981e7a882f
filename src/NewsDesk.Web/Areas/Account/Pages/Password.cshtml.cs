using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Data;
using NewsDesk.Core.Users;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Account.Pages;

public sealed class PasswordModel(UserManager<NewsDeskUser> users, SignInManager<NewsDeskUser> signIn, NewsDeskDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var changed = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }

            return Page();
        }

        db.Record(User.ToActor(), time.GetUtcNow().UtcDateTime, "user.password.change", "user", user.Id, user.Email);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Your password was changed.";
        return Redirect("/desk");
    }

    public sealed class InputModel
    {
        [Required]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string Current { get; set; } = "";

        [Required]
        [DataType(DataType.Password)]
        [StringLength(1024, MinimumLength = IdentityPolicy.MinimumPasswordLength, ErrorMessage = "The new password must be at least {2} characters.")]
        [Display(Name = "New password")]
        public string New { get; set; } = "";

        [Compare(nameof(New), ErrorMessage = "The two new passwords differ.")]
        [DataType(DataType.Password)]
        public string Confirm { get; set; } = "";
    }
}

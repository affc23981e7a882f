using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Core.Users;

namespace NewsDesk.Web.Areas.Account.Pages;

public sealed class SignOutModel(SignInManager<NewsDeskUser> signIn, UserManager<NewsDeskUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp invalidates the cookie itself, not only this browser's copy of it.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}

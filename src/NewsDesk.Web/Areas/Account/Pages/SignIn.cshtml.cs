using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using NewsDesk.Core.Users;

namespace NewsDesk.Web.Areas.Account.Pages;

[EnableRateLimiting(ServiceCollectionExtensions.SignInRateLimit)]
public sealed class SignInModel(SignInManager<NewsDeskUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Failures count towards the lockout: five wrong passwords lock the account for a while.
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/desk");
        }

        Error = result.IsLockedOut
            ? "Too many failed attempts: this account is locked for a few minutes. Try again later or ask an admin."
            : "The email or password is not right, or the account is disabled.";
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [StringLength(1024)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}

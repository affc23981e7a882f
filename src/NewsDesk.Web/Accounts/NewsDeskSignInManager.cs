using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Users;

namespace NewsDesk.Web.Accounts;

/// <summary>Identity's sign-in, refusing disabled accounts (at sign-in and at every security-stamp check).</summary>
internal sealed class NewsDeskSignInManager(
    UserManager<NewsDeskUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<NewsDeskUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<NewsDeskUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<NewsDeskUser> confirmation)
    : SignInManager<NewsDeskUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(NewsDeskUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DisabledAt is null && await base.CanSignInAsync(user);
    }

    public override async Task<NewsDeskUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { DisabledAt: null } ? user : null;
    }
}

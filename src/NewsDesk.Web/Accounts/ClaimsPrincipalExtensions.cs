using System.Security.Claims;
using NewsDesk.Core.Audit;

namespace NewsDesk.Web.Accounts;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user as the actor of a change, for the audit log.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? "unknown");
}

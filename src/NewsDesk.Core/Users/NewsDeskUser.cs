using Microsoft.AspNetCore.Identity;

namespace NewsDesk.Core.Users;

/// <summary>A desk account (editor or admin). Readers are anonymous and have none.</summary>
public sealed class NewsDeskUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DisabledAt { get; set; }
}

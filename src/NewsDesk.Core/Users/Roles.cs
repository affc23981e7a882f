namespace NewsDesk.Core.Users;

/// <summary>The desk's roles. An admin is also an editor.</summary>
public static class Roles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Editor, Admin];
}

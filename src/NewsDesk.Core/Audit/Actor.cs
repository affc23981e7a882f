namespace NewsDesk.Core.Audit;

/// <summary>Who is making a change: a signed-in user, or a named system process ("cli", "retag").</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static Actor System(string process) => new(null, process);
}

namespace NewsDesk.Core.Content;

/// <summary>
/// One row that changes whenever public content changes (see <see cref="ContentChangeInterceptor"/>). Caches in any
/// process compare <see cref="Token"/> with the one they were built from; a cheap read tells them whether to rebuild.
/// </summary>
public sealed class ContentStamp
{
    public const int SingletonId = 1;

    public ContentStamp(int id) => Id = id;

    public int Id { get; private set; }

    /// <summary>A random value replaced on every change: writing it needs no read, so it rides in the writer's own transaction.</summary>
    public long Token { get; private set; }

    /// <summary>When public content last changed, UTC.</summary>
    public DateTime ChangedAt { get; private set; }

    public void Bump(DateTime now)
    {
        Token = Random.Shared.NextInt64();
        ChangedAt = now;
    }
}

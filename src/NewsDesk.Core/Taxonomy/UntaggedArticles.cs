using NewsDesk.Core.Articles;

namespace NewsDesk.Core.Taxonomy;

/// <summary>
/// The seam until the tagging engine is wired in (issue 3 replaces this registration): articles are stored
/// without suggested links, and every caller already goes through <see cref="IArticleTagger"/>.
/// </summary>
internal sealed class UntaggedArticles : IArticleTagger
{
    public Task TagAsync(Article article, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

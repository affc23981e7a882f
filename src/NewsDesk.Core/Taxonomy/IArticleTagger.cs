using NewsDesk.Core.Articles;

namespace NewsDesk.Core.Taxonomy;

/// <summary>
/// Places an article on the map: suggests its regions, topics and tags, with scores and evidence, as
/// <see cref="ArticleTerm"/> links of origin <see cref="LinkOrigin.Auto"/>. Links an editor accepted or
/// rejected are never changed. Works on the tracked entity and does not save: the caller commits the article
/// and its links in one transaction.
/// </summary>
public interface IArticleTagger
{
    Task TagAsync(Article article, CancellationToken cancellationToken = default);
}

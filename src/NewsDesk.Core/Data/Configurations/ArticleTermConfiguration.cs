using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Core.Articles;

namespace NewsDesk.Core.Data.Configurations;

internal sealed class ArticleTermConfiguration : IEntityTypeConfiguration<ArticleTerm>
{
    public void Configure(EntityTypeBuilder<ArticleTerm> builder)
    {
        builder.HasKey(l => new { l.ArticleId, l.TermId });
        builder.HasOne(l => l.Article).WithMany(a => a.Terms).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Term).WithMany(t => t.Articles).OnDelete(DeleteBehavior.Cascade);
        // Region, topic and tag pages start from the term.
        builder.HasIndex(l => new { l.TermId, l.ArticleId });
    }
}

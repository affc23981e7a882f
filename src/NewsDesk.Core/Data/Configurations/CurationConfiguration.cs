using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Core.Content;
using NewsDesk.Core.Curation;

namespace NewsDesk.Core.Data.Configurations;

internal sealed class FeaturedStoryConfiguration : IEntityTypeConfiguration<FeaturedStory>
{
    public void Configure(EntityTypeBuilder<FeaturedStory> builder)
    {
        builder.HasKey(f => new { f.TermId, f.ArticleId });
        builder.HasOne(f => f.Term).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.ArticleId);
    }
}

internal sealed class ContentStampConfiguration : IEntityTypeConfiguration<ContentStamp>
{
    public void Configure(EntityTypeBuilder<ContentStamp> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        // The single row exists from the first migration on, so writers only ever update it.
        builder.HasData(new { Id = ContentStamp.SingletonId, Token = 0L, ChangedAt = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
    }
}

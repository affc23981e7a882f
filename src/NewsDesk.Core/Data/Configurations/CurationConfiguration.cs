using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Core.Content;

namespace NewsDesk.Core.Data.Configurations;

internal sealed class ContentStampConfiguration : IEntityTypeConfiguration<ContentStamp>
{
    public void Configure(EntityTypeBuilder<ContentStamp> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        // The single row exists from the first migration on, so writers only ever update it.
        builder.HasData(new { Id = ContentStamp.SingletonId, Token = 0L, ChangedAt = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
    }
}

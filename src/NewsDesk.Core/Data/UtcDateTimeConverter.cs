using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NewsDesk.Core.Data;

/// <summary>
/// Every timestamp is stored in UTC and read back with <see cref="DateTimeKind.Utc"/>. DateTime rather than
/// DateTimeOffset because SQLite cannot order or compare DateTimeOffset in SQL.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

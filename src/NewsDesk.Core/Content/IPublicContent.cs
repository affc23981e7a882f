namespace NewsDesk.Core.Content;

/// <summary>
/// Marks an entity whose changes readers can see. Saving one bumps the <see cref="ContentStamp"/>, which tells every
/// app instance to drop its cached public pages. Implement it on any entity the public site shows.
/// </summary>
public interface IPublicContent;

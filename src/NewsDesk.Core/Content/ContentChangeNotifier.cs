namespace NewsDesk.Core.Content;

/// <summary>
/// In-process signal that this process just saved a public change, so its own caches can react at once instead of
/// at their next poll of the <see cref="ContentStamp"/>. Other processes learn of the change by polling.
/// </summary>
public sealed class ContentChangeNotifier
{
    public event Action? Changed;

    public void Notify() => Changed?.Invoke();
}

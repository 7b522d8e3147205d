namespace Samverkan.Web;

/// <summary>The app's texts: Resources/Texts.resx, in Swedish (the neutral language), read through IStringLocalizer&lt;Texts&gt;.</summary>
public sealed class Texts;

/// What a Mustache tag can find in the page context.
///
/// A closed set of cases lets the engine decide how to show or loop over a value with one
/// `switch`; swift-mustache answered the same questions with a chain of dynamic casts that cost
/// more than the rest of the build together. Numbers are kept as their text: Mustache only prints
/// them, and every non-nil value but `false` and an empty list opens a section.
public enum TemplateValue {
    case bool(Bool)
    case text(String)
    case object(any TemplateObject)
    case list(any TemplateList)
}

/// A context with named fields: `{{page.title}}` asks `page` for `title`.
public protocol TemplateObject {
    /// The field called `key`, or nil when there is no such field or it has no value, in which
    /// case the lookup goes on down the context stack.
    func templateField(_ key: String) -> TemplateValue?
}

/// A sequence a section loops over.
public protocol TemplateList {
    var templateCount: Int { get }
    func templateElement(at index: Int) -> TemplateValue?
}

/// A Swift value that a template context can hold.
public protocol TemplateValueConvertible {
    var templateValue: TemplateValue? { get }
}

extension String: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .text(self) }
}

extension Bool: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .bool(self) }
}

extension Int: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .text(String(self)) }
}

extension Double: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .text(String(self)) }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    public var templateValue: TemplateValue? { self?.templateValue }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .list(self) }
}

extension Array: TemplateList where Element: TemplateValueConvertible {
    public var templateCount: Int { count }
    public func templateElement(at index: Int) -> TemplateValue? { self[index].templateValue }
}

extension Dictionary: TemplateValueConvertible where Key == String, Value: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .object(self) }
}

extension Dictionary: TemplateObject where Key == String, Value: TemplateValueConvertible {
    public func templateField(_ key: String) -> TemplateValue? { self[key]?.templateValue }
}

extension TemplateObject where Self: TemplateValueConvertible {
    public var templateValue: TemplateValue? { .object(self) }
}

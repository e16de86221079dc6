import Testing
@testable import Nabla

@Suite struct ParserTests {
    @Test func implicitMultiplicationAndPrecedence() throws {
        let cases: [(String, String)] = [
            ("3x1 - 2x2", "3x1 - 2x2"),
            ("2(x1 + 1)", "2x1 + 2"),
            ("w x1", "w·x1"),
            ("-x1^2", "-x1^2"),
            ("2^3^2", "512"),
            ("x1^2x2^3", "x1^2·x2^3"),
            ("x1**2 / 4", "x1^2/4"),
            ("2exp(x1)", "2·exp(x1)"),
            ("e^x1", "exp(x1)"),
            ("0.25 x1 + 1e-2", "x1/4 + 1/100"),
            ("x1 · x2 × 3 − 1", "3x1·x2 - 1"),
            ("ln(x1) + log(x1)", "2·log(x1)"),
        ]
        for (input, expected) in cases {
            let doc = try solve("F(x1, x2) = \(input)\njacobian F")
            let printer = ExpressionPrinter(store: doc.store, notation: .text)
            #expect(printer.string(doc.results[0].components[0]) == expected, "\(input)")
        }
    }

    @Test func syntaxErrorShowsLineColumnAndCaret() {
        #expect(diagnostic("f(x) = (x + )\njacobian f") == """
            test.nabla:1:13: error: expected an expression after '+', found ')'
              f(x) = (x + )
                          ^
            """)
        #expect(diagnostic("f(x) = x +* 2\n") == """
            test.nabla:1:11: error: expected an expression after '+', found '*'
              f(x) = x +* 2
                        ^
            """)
        #expect(diagnostic("f(x, x) = x") == """
            test.nabla:1:6: error: parameter x is already named at 1:3
              f(x, x) = x
                   ^
            """)
        #expect(diagnostic("f(x) = x $ 2") == """
            test.nabla:1:10: error: unexpected character '$'
              f(x) = x $ 2
                       ^
            """)
        #expect(diagnostic("jacobian") == """
            test.nabla:1:9: error: expected the name of a function, found the end of the line
              jacobian
                      ^
            """)
    }

    @Test func unicodeColumnsCountCharacters() {
        #expect(diagnostic("f(x) = x·π ∘ )") == """
            test.nabla:1:12: error: expected the end of the statement, found '∘'
              f(x) = x·π ∘ )
                         ^
            """)
    }
}

/// Syntax errors are data, written in English or French with the same caret.
@Suite struct DiagnosticLanguageTests {
    func rendered(_ text: String, _ language: Language) -> String? {
        let source = SourceText(name: "t.nabla", text: text)
        do { _ = try Document(source: source) } catch { return error.render(in: source, language: language) }
        return nil
    }

    @Test func syntaxErrorsInBothLanguages() {
        #expect(rendered("f(x) = (x + )\njacobian f", .en) == "t.nabla:1:13: error: expected an expression after '+', found ')'\n  f(x) = (x + )\n              ^")
        #expect(rendered("f(x) = (x + )\njacobian f", .fr) == "t.nabla:1:13: erreur: on attendait une expression après '+' mais on trouve ')'\n  f(x) = (x + )\n              ^")
        #expect(rendered("f(x, x) = x\njacobian f", .fr)?.hasPrefix("t.nabla:1:6: erreur: le paramètre x est déjà nommé en 1:3") == true)
        #expect(rendered("f(x) = x\nderive f", .fr)?.contains("erreur: commande inconnue derive ; les commandes sont jacobian, gradient, hessian et derivative") == true)
        #expect(rendered("z = x + 1\nx = z^2\nderivative z", .fr) == "t.nabla:1:1: erreur: z est défini à partir de lui-même\n  z = x + 1\n  ^")
        #expect(rendered("f(x) = (x", .fr)?.contains("on attendait ')' mais on trouve la fin de la ligne") == true)
    }

    /// Every phrase has its own French, never the English text (the cases written so far).
    /// `sin^2(x)` is sin(x)^2, as courses write it; `f^2(x)` of other functions is not read so.
    @Test func powersWrittenBeforeTheArgument() throws {
        let doc = try solve("f(x) = sin^2(x) + cos^2(3x) + tanh^3(x)\njacobian f\n")
        let s = doc.store, x = s.symbol("x")
        let expected = s.sum([s.power(s.apply(.sin, x), s.number(2)), s.power(s.apply(.cos, s.product([s.number(3), x])), s.number(2)),
                              s.power(s.apply(.tanh, x), s.number(3))])
        #expect(doc.results[0].components == [expected])
        #expect(throws: (any Error).self) { try solve("f(x) = exp^2(x)\njacobian f\n") }
    }

    /// `1/2x` is (1/2)·x, as precedence says, but a hand-written 2x is often meant whole: a warning.
    @Test func aDivisionFollowedByAProductIsWarned() throws {
        let doc = try solve("f(x, y) = 1/2x + x/(2y) + x/2 y + x^2/2\njacobian f\n", name: "d.nabla")
        #expect(doc.warnings.map { $0.render(in: doc.source) } == [
            "d.nabla:1:12: warning: /2x is read as (…/2)·x; write /(2x) if x belongs in the denominator\n  f(x, y) = 1/2x + x/(2y) + x/2 y + x^2/2\n             ^",
        ])
        #expect(doc.warnings.first?.phrase.text(in: .fr) == "/2x se lit (…/2)·x ; écrire /(2x) si x est au dénominateur")
    }

    @Test func everyPhraseHasFrench() {
        let at = SourceLocation(line: 1, column: 2)
        let phrases: [Diagnostic.Phrase] = [
            .unexpectedCharacter("'$'"), .unexpectedByte(0xFF), .notUTF8(byte: 0xC3), .digitExpectedAfterPoint, .exponentTooLarge,
            .numberTooLong(digits: 10000), .malformedNumber, .expected(.statement, found: .endOfLine), .alreadyNamed("x", at: at),
            .parameterAlreadyNamed("x", at: at), .unknownCommand("derive"), 
            .valueNeedsLet(name: "a", value: "2"), .nestedTooDeeply(limit: 256), .divisionThenProduct(denominator: "2", next: "y"),
        ]
        for p in phrases { #expect(p.text(in: .fr) != p.text(in: .en), "\(p)") }
        let document: [DocumentPhrase] = [
            .definedInTermsOfItself("f"), .compositionDefinedInTermsOfItself("F"), .quantityHasNoVariable("z"), .quantityInComposition("z"), .tupleInExpression(count: 2), .isAFunction("f"),
            .notAFunction("a"), .divisionByZero, .givesSeveralValues("g", count: 2), .undefinedExpression, .undefinedAtArguments("f"),
            .needsAnArgument("softmax"), .argumentCount("sin", expected: "1", given: 2), .unknownFunction("foo", meant: nil, builtins: ["sin"]),
            .unknownFunction("sinn", meant: "sin", builtins: []), .runTogetherName("x1x2", meant: "x1*x2"), .builtinNeedsAnInnerFunction("softmax"),
            .twoArgumentsNotALink("max"), .noSuchTarget("h", defined: ["f"]), .tooManyLinks(limit: 10), .cannotCompose(outer: "f", inner: "g", takes: 2, gives: 3),
            .nameClash("a", constantIn: "f", variableOf: "g"), .needsAScalar(command: "gradient", target: "F", components: 2), .targetUndefined("F"),
            .variableHasAValue("a"), .variableOfAnInnerFunction("z1", function: "softmax", target: "F", inputs: ["x"], constants: []),
            .notInTarget("q", target: "F", inputs: ["x"], constants: ["w"]), .nothingToCompute(defined: ["f"], example: "jacobian f"),
            .inputTooLarge(bytes: 10, limit: 5), .nulByte, .notAVariableName("2x"), .variableNamedTwice("x"), .noVariable, .noExpression,
            .hashInExpression, .expressionOnSeveralLines(2),
        ]
        for p in document { #expect(p.text(in: .fr) != p.text(in: .en), "\(p)") }
        let evaluation: [EvaluationPhrase] = [
            .noValue("x"), .invalidValue(expression: "log(x)", notANumber: true, point: "x = -1"),
            .invalidValue(expression: "1/x", notANumber: false, point: "x = 0"), .missingColumn(target: "F", name: "x"),
            .missingColumns(target: "F", table: "p.csv", names: ["x", "y"]), .emptyTable("p.csv"), .unnamedColumn(2),
            .cellCount(row: 3, cells: 1, header: 2), .notANumber(row: 3, column: "x", cell: "abc"),
            .unknownValues(option: "--at", names: ["zz"], targets: ["F"], symbols: ["x"]), .expectsPairs(option: "--at", found: "x"),
            .cannotWrite("out.csv"), .noSuchTarget("h", targets: ["F"]),
        ]
        let others: [any Phrasing] = evaluation + [
            PrintPhrase.tooManyDistinct(command: "gradient", target: "F", nodes: 6, limit: 5),
            PrintPhrase.tooLongToPrint(command: "gradient", target: "F", terms: nil, limit: 5, distinct: 3),
            SheetPhrase.eIsAVariable,
            Diagnostic.Phrase.skipped("F", because: .document(.noVariable)), Diagnostic.Phrase.notEvaluated("F", because: .document(.noVariable)),
        ]
        for p in others { #expect(p.text(in: .fr) != p.text(in: .en), "\(p)") }
    }

    @Test func timeLimitsAndCornersInFrench() {
        #expect(DocumentPhrase.timeLimit(seconds: 5, .differentiating("F")).text(in: .fr)
            == "arrêté après 5 s pendant la dérivation de F (la limite de temps ; voir --timeout)")
        #expect(DocumentPhrase.timeLimit(seconds: 0.5, .checkingLine(3)).text(in: .en)
            == "stopped after 0.5 s while checking the formula at line 3 (the time limit; see --timeout)")
        let store = ExpressionStore()
        let doc = try? Document(source: SourceText(name: "c.nabla", text: "f(x, y) = abs(x - y) + max(x, y)\njacobian f"), store: store)
        let notes = CornerNote.notes(doc?.results ?? [], store)
        #expect(notes.count == 1)
        #expect(notes.first?.phrase.text(in: .fr).hasPrefix("f n'est pas dérivable là où x - y = 0 (un point anguleux") == true)
    }

    @Test func meaningErrorsInFrench() {
        #expect(rendered("f(x) = foo(x)\njacobian f", .fr)?.hasPrefix("t.nabla:1:8: erreur: fonction inconnue foo ; la définir (foo(x) = …) ou utiliser :") == true)
        #expect(rendered("f(x) = sin(x, x)\njacobian f", .fr)?.hasPrefix("t.nabla:1:8: erreur: sin prend 1 argument, pas 2") == true)
        #expect(rendered("g(x, y) = (x, y, x)\nf(a, b) = a b\njacobian f∘g", .fr)?
            .contains("impossible de composer f avec g : f prend 2 arguments mais g donne 3 valeurs") == true)
    }
}

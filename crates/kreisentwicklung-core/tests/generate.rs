//! The generator gives valid, deterministic concepts of the asked size.

use kreisentwicklung_core::generate::{generate, GeneratorOptions};

#[test]
fn generated_concepts_are_valid_and_deterministic() {
    for (n, seed) in [(0, 1), (1, 2), (37, 3), (2_500, 4)] {
        let c = generate(&GeneratorOptions::new(n).seed(seed));
        assert_eq!(c.measures.len(), n);
        if let Err(e) = c.validate() {
            panic!("generated concept ({n} measures, seed {seed}) is invalid: {e}");
        }
        assert_eq!(c, generate(&GeneratorOptions::new(n).seed(seed)));
    }
    assert_ne!(
        generate(&GeneratorOptions::new(50).seed(1)),
        generate(&GeneratorOptions::new(50).seed(2))
    );
}

#[test]
fn shape_is_realistic() {
    let c = generate(&GeneratorOptions::new(1_000));
    assert!(c.fields.len() >= 4);
    assert_eq!(c.goals.iter().map(|g| g.level).max(), Some(3));
    assert!(c.measures.iter().any(|m| m.goals.len() > 1));
    let values: usize = c.indicators.iter().map(|i| i.observations.len()).sum();
    assert!(values >= 8_000, "{values} observations");
    assert!(!c.events.is_empty() && !c.resolutions.is_empty());
}

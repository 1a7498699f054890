/**
 * The SpikeForge service-provider interface: everything a model pack compiles against.
 *
 * <h2>Units</h2>
 * Time is in milliseconds (ms), membrane potentials in millivolts (mV), rates in hertz (Hz).
 * Currents follow BrainPy's convention of a membrane resistance {@code R} in megaohms: a current in
 * nanoamperes (nA) times {@code R} gives millivolts, and a conductance in microsiemens (uS) times a
 * potential difference in mV gives nA. With the default {@code R = 1} the leak conductance is 1 uS,
 * so a COBA weight of 0.6 means 0.6 times the leak conductance (6 nS against a 10 nS leak).
 *
 * <h2>How a pack plugs in</h2>
 * A pack lists one or more {@link io.spikeforge.spi.SpikeForgePlugin} implementations in
 * {@code META-INF/services/io.spikeforge.spi.SpikeForgePlugin}, and that jar's manifest declares
 * {@code SpikeForge-SPI-Version: 2} ({@link io.spikeforge.spi.SpikeForgePlugin#SPI_VERSION}). Each
 * plugin returns named {@link io.spikeforge.spi.ModelFactory model factories}; the engine binds them
 * into its Guice injector by kind and config name. A pack's class loader shares this package, and
 * only this package, with the engine.
 *
 * <h2>What a model must do</h2>
 * Models allocate their state through {@link io.spikeforge.spi.BuildContext} (which makes it visible
 * to monitors, checkpoints and the NaN check) and return {@link io.spikeforge.spi.StepTask step tasks}
 * whose bodies call static, allocation-free kernel methods over primitive arrays. A task declares
 * what it reads and writes; the engine orders tasks by those declarations and may split a parallel
 * task's items across threads, so items must be independent and any split must give the same floats.
 * A model that rejects its parameters throws {@link java.lang.IllegalArgumentException} from
 * {@code create}; the user sees the message as a config error at the model's path.
 */
package io.spikeforge.spi;

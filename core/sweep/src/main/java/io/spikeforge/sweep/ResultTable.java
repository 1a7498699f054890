package io.spikeforge.sweep;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The results table: a row per run, in run order, with the columns {@code id}, each axis (by its config
 * path, the value as the sweep wrote it), {@code seed}, each kept quantity, {@code wall_s},
 * {@code exit_code}, {@code status}, {@code error} and {@code host}. Written as {@code results.csv} and as
 * the Parquet dataset {@code results.parquet/}.
 */
final class ResultTable {

    private ResultTable() {
    }

    /** @return the column names, in order */
    static List<String> columns(SweepFile sweep) {
        List<String> c = new ArrayList<>();
        c.add("id");
        sweep.axes().stream().map(Axis::column).filter(a -> !a.equals("seed")).forEach(c::add);
        c.add("seed");
        sweep.keep().forEach(k -> c.add(k.column()));
        c.addAll(List.of("wall_s", "exit_code", "status", "error", "host"));
        return c;
    }

    /** @return the row's value of {@code column}: an axis value's JSON text, a kept value, or a row field */
    static Object cell(RunRow r, String column) {
        return switch (column) {
            case "id" -> r.id();
            case "seed" -> r.seed();
            case "wall_s" -> r.wallS();
            case "exit_code" -> (long) r.exitCode();
            case "status" -> r.status();
            case "error" -> r.error();
            case "host" -> r.host();
            default -> r.values().containsKey(column) ? axisValue(r.values().get(column)) : r.kept().get(column);
        };
    }

    /** @return an axis value as a number when it is one, else as its text */
    static Object axisValue(String json) {
        try {
            return json.matches("-?\\d+") ? (Object) Long.parseLong(json) : Double.parseDouble(json);
        } catch (NumberFormatException e) {
            return json.startsWith("\"") && json.endsWith("\"") ? json.substring(1, json.length() - 1) : json;
        }
    }

    static void writeCsv(Path file, SweepFile sweep, List<RunRow> rows) throws IOException {
        List<String> columns = columns(sweep);
        StringBuilder out = new StringBuilder(String.join(",", columns.stream().map(ResultTable::quote).toList()))
                .append('\n');
        for (RunRow r : rows) {
            out.append(columns.stream().map(c -> quote(text(cell(r, c)))).collect(Collectors.joining(","))).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, out, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return a cell as CSV text: empty for none, arrays as their values joined by spaces */
    static String text(Object v) {
        return switch (v) {
            case null -> "";
            case double[] a -> java.util.Arrays.stream(a).mapToObj(Double::toString).collect(Collectors.joining(" "));
            case long[] a -> java.util.Arrays.stream(a).mapToObj(Long::toString).collect(Collectors.joining(" "));
            default -> v.toString();
        };
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Writes the table as one Parquet file in the dataset folder {@code dir}, replacing what was there. */
    static void writeParquet(SparkSession spark, Path dir, SweepFile sweep, List<RunRow> rows) {
        List<String> columns = columns(sweep);
        List<StructField> fields = new ArrayList<>();
        for (String c : columns) {
            fields.add(DataTypes.createStructField(c, type(c, rows), true));
        }
        StructType schema = DataTypes.createStructType(fields);
        List<Row> data = new ArrayList<>();
        for (RunRow r : rows) {
            Object[] cells = new Object[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = sparkValue(cell(r, columns.get(i)), fields.get(i).dataType());
            }
            data.add(RowFactory.create(cells));
        }
        spark.createDataFrame(data, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(dir.toString());
    }

    /** @return the column's type, from its first value: a column of mixed types is text */
    private static DataType type(String column, List<RunRow> rows) {
        DataType t = null;
        for (RunRow r : rows) {
            Object v = cell(r, column);
            DataType here = switch (v) {
                case null -> null;
                case Double _ -> DataTypes.DoubleType;
                case Long _ -> DataTypes.LongType;
                case Boolean _ -> DataTypes.BooleanType;
                case double[] _ -> DataTypes.createArrayType(DataTypes.DoubleType);
                case long[] _ -> DataTypes.createArrayType(DataTypes.LongType);
                default -> DataTypes.StringType;
            };
            if (here == null) {
                continue;
            }
            if (t == null) {
                t = here;
            } else if (!t.equals(here)) {
                // An axis of 1 and 1.5: numbers both.
                boolean numbers = (t.equals(DataTypes.DoubleType) || t.equals(DataTypes.LongType))
                        && (here.equals(DataTypes.DoubleType) || here.equals(DataTypes.LongType));
                t = numbers ? DataTypes.DoubleType : DataTypes.StringType;
            }
        }
        return t == null ? DataTypes.StringType : t;
    }

    private static Object sparkValue(Object v, DataType t) {
        if (v == null) {
            return null;
        }
        if (t.equals(DataTypes.StringType)) {
            return text(v);
        }
        if (t.equals(DataTypes.DoubleType) && v instanceof Number n) {
            return n.doubleValue();
        }
        return switch (v) {
            case double[] a -> java.util.Arrays.stream(a).boxed().toList();
            case long[] a -> java.util.Arrays.stream(a).boxed().toList();
            default -> v;
        };
    }
}

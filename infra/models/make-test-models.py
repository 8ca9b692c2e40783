#!/usr/bin/env python3
"""Writes tiny BERT-shaped ONNX models with random weights, plus manifests, for StreamRisk.Nlp's tests.

The graphs follow an exported Hugging Face BERT (inputs input_ids / attention_mask / token_type_ids,
outputs last_hidden_state or logits) so the C# loaders are exercised exactly as with a real export;
only the sizes are tiny.  Weights are random with a fixed seed, so reruns write identical files.
Usage: make-test-models.py --vocab-json VOCAB.json --out DIR [--bench]
"""
import argparse
import hashlib
import json
import os
import struct

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17  # LayerNormalization is a single op from 17 on; ONNX Runtime 1.31 runs it.


def phantom_to_wordpiece(index, token):
    """The npm vocab stores tokens llama.cpp-style ('▁' marks a word start, no '##'); BERT's vocab.txt is the reverse."""
    if index == 1 and token == "\u2581":
        return "[unused0]"  # the npm package overwrote bert-base-uncased's [unused0] with a bare '▁'
    if token.startswith("[") and token.endswith("]") and len(token) > 2:
        return token
    if token.startswith("\u2581"):
        return token[1:]
    return "##" + token


def write_vocab(vocab_json, out_dir):
    with open(vocab_json, encoding="utf-8") as f:
        phantom = json.load(f)
    tokens = [phantom_to_wordpiece(i, t) for i, t in enumerate(phantom)]
    if len(set(tokens)) != len(tokens):
        raise SystemExit("vocab conversion produced duplicate tokens")
    path = os.path.join(out_dir, "vocab.txt")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(tokens) + "\n")
    return {t: i for i, t in enumerate(tokens)}


class Graph:
    def __init__(self, rng):
        self.rng = rng
        self.nodes, self.inits, self.count = [], [], 0

    def name(self, hint):
        self.count += 1
        return f"{hint}_{self.count}"

    def const(self, hint, array):
        n = self.name(hint)
        self.inits.append(numpy_helper.from_array(np.asarray(array), n))
        return n

    def weight(self, hint, shape, std=0.08):
        return self.const(hint, (self.rng.standard_normal(shape) * std).astype(np.float32))

    def op(self, op_type, inputs, hint=None, outputs=1, **attrs):
        outs = [self.name(hint or op_type.lower()) for _ in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, outs, **attrs))
        return outs[0] if outputs == 1 else outs

    def matmul(self, x, w):
        return self.op("MatMul", [x, w])

    def dense(self, x, w, b):
        return self.op("Add", [self.matmul(x, w), b])

    def layer_norm(self, x, hidden):
        g = self.const("ln_gamma", (1.0 + self.rng.standard_normal(hidden) * 0.05).astype(np.float32))
        b = self.const("ln_beta", (self.rng.standard_normal(hidden) * 0.05).astype(np.float32))
        return self.op("LayerNormalization", [x, g, b], axis=-1, epsilon=1e-12)


def encoder(g, cfg, vocab_size):
    """Embeddings + cfg['layers'] post-LN transformer layers, as in BERT. Returns last_hidden_state's name."""
    h, nh, ff = cfg["hidden"], cfg["heads"], cfg["ff"]
    hd = h // nh
    word = g.weight("word_embeddings", (vocab_size, h), 0.5)
    pos = g.weight("position_embeddings", (cfg["max_positions"], h), 0.5)
    typ = g.weight("token_type_embeddings", (2, h), 0.5)
    shape = g.op("Shape", ["input_ids"])
    seq_len = g.op("Slice", [shape, g.const("one", np.array([1], np.int64)), g.const("two", np.array([2], np.int64))])
    positions = g.op("Slice", [pos, g.const("zero", np.array([0], np.int64)), seq_len, g.const("axis0", np.array([0], np.int64))])
    x = g.op("Add", [g.op("Add", [g.op("Gather", [word, "input_ids"]), positions]), g.op("Gather", [typ, "token_type_ids"])])
    x = g.layer_norm(x, h)
    mask = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    mask = g.op("Unsqueeze", [mask, g.const("axes12", np.array([1, 2], np.int64))])
    # Padding keys get -10000 before the softmax, as exported BERTs do: their weight underflows to 0.
    additive = g.op("Mul", [g.op("Sub", [g.const("f_one", np.array(1.0, np.float32)), mask]), g.const("neg", np.array(-10000.0, np.float32))])
    split = g.const("heads_shape", np.array([0, 0, nh, hd], np.int64))
    merge = g.const("merge_shape", np.array([0, 0, h], np.int64))
    scale = g.const("scale", np.array(1.0 / np.sqrt(hd), np.float32))
    for _ in range(cfg["layers"]):
        def proj(src):
            return g.op("Reshape", [g.dense(src, g.weight("w", (h, h)), g.weight("b", (h,), 0.02)), split])
        q = g.op("Transpose", [proj(x)], perm=[0, 2, 1, 3])
        k = g.op("Transpose", [proj(x)], perm=[0, 2, 3, 1])
        v = g.op("Transpose", [proj(x)], perm=[0, 2, 1, 3])
        scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), scale]), additive])
        context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
        context = g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]), merge])
        x = g.layer_norm(g.op("Add", [x, g.dense(context, g.weight("wo", (h, h)), g.weight("bo", (h,), 0.02))]), h)
        inner = g.dense(x, g.weight("w1", (h, ff)), g.weight("b1", (ff,), 0.02))
        gelu = g.op("Mul", [g.op("Mul", [inner, g.const("half", np.array(0.5, np.float32))]),
                            g.op("Add", [g.op("Erf", [g.op("Div", [inner, g.const("sqrt2", np.array(np.sqrt(2.0), np.float32))])]),
                                         g.const("f_one", np.array(1.0, np.float32))])])
        x = g.layer_norm(g.op("Add", [x, g.dense(gelu, g.weight("w2", (ff, h)), g.weight("b2", (h,), 0.02))]), h)
    return x


def tensor_info(name, elem, dims):
    return helper.make_tensor_value_info(name, elem, dims)


BERT_INPUTS = ["input_ids", "attention_mask", "token_type_ids"]


def save(g, inputs, outputs, path):
    graph = helper.make_graph(g.nodes, os.path.basename(path), inputs, outputs, g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="streamrisk-make-test-models")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)


def bert_inputs():
    return [tensor_info(n, TensorProto.INT64, ["batch", "sequence"]) for n in BERT_INPUTS]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def manifest(out_dir, name, body):
    body["sha256"] = sha256(os.path.join(out_dir, body["file"]))
    with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
        json.dump(body, f, indent=2)


def io_spec(names, shapes, types):
    return [{"name": n, "shape": s, "type": t} for n, s, t in zip(names, shapes, types)]


def tokenizer_spec():
    return {"type": "wordpiece", "vocab_file": "vocab.txt", "lower_case": True, "strip_accents": True, "tokenize_chinese_chars": True}


ABSA_LABELS = ["positive", "negative", "neutral"]  # FinBERT's order: the loader maps labels by name


def absa_models(out_dir, cfg, vocab_size, seed, prefix, quantised):
    """Same random weights twice: pooling + MLP head inside the graph, and encoder-only with the head exported."""
    h = cfg["hidden"]
    rng_state = np.random.default_rng(seed)
    g = Graph(rng_state)
    x = encoder(g, cfg, vocab_size)
    enc_state = (list(g.nodes), list(g.inits), g.count)
    wd = (rng_state.standard_normal((3 * h, h)) * 0.3).astype(np.float32)
    bd = (rng_state.standard_normal(h) * 0.1).astype(np.float32)
    wo = (rng_state.standard_normal((h, 3)) * 0.8).astype(np.float32)
    bo = (rng_state.standard_normal(3) * 0.1).astype(np.float32)

    am = g.op("Unsqueeze", ["aspect_mask", g.const("axis2", np.array([2], np.int64))])
    axis1 = g.const("axis1", np.array([1], np.int64))
    total = g.op("ReduceSum", [g.op("Mul", [x, am]), axis1], keepdims=0)
    count = g.op("Max", [g.op("ReduceSum", [am, axis1], keepdims=0), g.const("f_one", np.array(1.0, np.float32))])
    mean = g.op("Div", [total, count])
    shifted = g.op("Add", [x, g.op("Mul", [g.op("Sub", [am, g.const("f_one", np.array(1.0, np.float32))]), g.const("big", np.array(1e4, np.float32))])])
    peak = g.op("ReduceMax", [shifted], axes=[1], keepdims=0)
    cls = g.op("Gather", [x, g.const("cls_index", np.array(0, np.int64))], axis=1)
    feat = g.op("Concat", [cls, mean, peak], axis=1)
    hidden = g.op("Tanh", [g.dense(feat, g.const("head_dense_w", wd), g.const("head_dense_b", bd))])
    g.nodes.append(helper.make_node("Add", [g.matmul(hidden, g.const("head_out_w", wo)), g.const("head_out_b", bo)], ["logits"]))
    inputs = bert_inputs() + [tensor_info("aspect_mask", TensorProto.FLOAT, ["batch", "sequence"])]
    graph_file = f"{prefix}-graph.onnx"
    if quantised:
        quantise_matmuls(g)
        graph_file = f"{prefix}-graph-int8.onnx"
    save(g, inputs, [tensor_info("logits", TensorProto.FLOAT, ["batch", 3])], os.path.join(out_dir, graph_file))
    common = {
        "format_version": 1, "task": "aspect-sentiment", "labels": ABSA_LABELS, "tokenizer": tokenizer_spec(),
        "max_length": cfg["max_length"],
    }
    manifest(out_dir, graph_file.replace(".onnx", ".manifest.json"), dict(common, **{
        "model_id": f"streamrisk-test-{graph_file[:-5]}@1", "file": graph_file, "pooling": "graph",
        "inputs": io_spec(BERT_INPUTS + ["aspect_mask"], [["batch", "sequence"]] * 4, ["int64"] * 3 + ["float32"]),
        "outputs": io_spec(["logits"], [["batch", 3]], ["float32"]),
    }))
    if quantised:
        return
    g.nodes, g.inits, g.count = enc_state
    g.nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"]))
    enc_file = f"{prefix}-encoder.onnx"
    save(g, bert_inputs(), [tensor_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", h])], os.path.join(out_dir, enc_file))
    head_file = f"{prefix}-head.safetensors"
    # PyTorch nn.Linear layout: weight is [out, in].
    write_safetensors(os.path.join(out_dir, head_file), {
        "dense.weight": wd.T.copy(), "dense.bias": bd, "out_proj.weight": wo.T.copy(), "out_proj.bias": bo})
    manifest(out_dir, f"{prefix}-heads.manifest.json", dict(common, **{
        "model_id": f"streamrisk-test-{prefix}-heads@1", "file": enc_file, "pooling": "head-weights",
        "head": {"file": head_file, "sha256": sha256(os.path.join(out_dir, head_file)), "layers": ["dense", "out_proj"], "activation": "tanh"},
        "inputs": io_spec(BERT_INPUTS, [["batch", "sequence"]] * 3, ["int64"] * 3),
        "outputs": io_spec(["last_hidden_state"], [["batch", "sequence", h]], ["float32"]),
    }))


def quantise_matmuls(g):
    """What onnxruntime.quantization.quantize_dynamic does to MatMul with constant weights (that package is not
    installable here): int8 symmetric per-tensor weights, uint8 activations quantised at run time."""
    weights = {t.name: t for t in g.inits}
    out = []
    for node in g.nodes:
        w = weights.get(node.input[1]) if node.op_type == "MatMul" else None
        if w is None or len(w.dims) != 2:
            out.append(node)
            continue
        arr = numpy_helper.to_array(w)
        scale = float(np.abs(arr).max()) / 127.0
        wq = g.const("wq", np.clip(np.round(arr / scale), -127, 127).astype(np.int8))
        wzp = g.const("wzp", np.array(0, np.int8))
        ws = g.const("ws", np.array(scale, np.float32))
        xq, xs, xzp = g.name("xq"), g.name("xs"), g.name("xzp")
        acc, accf, s = g.name("acc"), g.name("accf"), g.name("s")
        out.append(helper.make_node("DynamicQuantizeLinear", [node.input[0]], [xq, xs, xzp]))
        out.append(helper.make_node("MatMulInteger", [xq, wq, xzp, wzp], [acc]))
        out.append(helper.make_node("Cast", [acc], [accf], to=TensorProto.FLOAT))
        out.append(helper.make_node("Mul", [xs, ws], [s]))
        out.append(helper.make_node("Mul", [accf, s], [node.output[0]]))
    g.nodes = out
    used = {i for n in g.nodes for i in n.input}
    g.inits = [t for t in g.inits if t.name in used]


def write_safetensors(path, tensors):
    header, offset, blobs = {}, 0, []
    for name, arr in tensors.items():
        data = np.ascontiguousarray(arr, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(arr.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
    raw += b" " * (-len(raw) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for b in blobs:
            f.write(b)


NER_LABELS = ["O", "B-ORG", "I-ORG"]
# Random weights recognise nothing, so the NER test model is rigged: these vocabulary words push their token
# towards a label by a large per-token bias; every other token leans to O.
NER_BEGIN_WORDS = ["meridian", "zenith", "apex"]
NER_INSIDE_WORDS = ["holdings", "energy", "bank", "trading"]


def ner_model(out_dir, cfg, vocab, seed):
    g = Graph(np.random.default_rng(seed))
    x = encoder(g, cfg, len(vocab))
    bias = np.zeros((len(vocab), 3), np.float32)
    bias[:, 0] = 5.0
    for word in NER_BEGIN_WORDS:
        bias[vocab[word], 1] = 20.0
    for word in NER_INSIDE_WORDS:
        bias[vocab[word], 2] = 20.0
    logits = g.dense(x, g.weight("cls_w", (cfg["hidden"], 3), 0.02), g.const("cls_b", np.zeros(3, np.float32)))
    g.nodes.append(helper.make_node("Add", [logits, g.op("Gather", [g.const("token_bias", bias), "input_ids"])], ["logits"]))
    save(g, bert_inputs(), [tensor_info("logits", TensorProto.FLOAT, ["batch", "sequence", 3])], os.path.join(out_dir, "ner.onnx"))
    manifest(out_dir, "ner.manifest.json", {
        "format_version": 1, "model_id": "streamrisk-test-ner@1", "task": "token-classification", "file": "ner.onnx",
        "labels": NER_LABELS, "tokenizer": dict(tokenizer_spec(), lower_case=True), "max_length": cfg["max_length"], "pooling": "none",
        "inputs": io_spec(BERT_INPUTS, [["batch", "sequence"]] * 3, ["int64"] * 3),
        "outputs": io_spec(["logits"], [["batch", "sequence", 3]], ["float32"]),
    })


def embedding_model(out_dir, cfg, vocab_size, seed):
    g = Graph(np.random.default_rng(seed))
    x = encoder(g, cfg, vocab_size)
    g.nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"]))
    save(g, bert_inputs(), [tensor_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", cfg["hidden"]])], os.path.join(out_dir, "embed.onnx"))
    for pooling in ("cls", "mean"):
        manifest(out_dir, f"embed-{pooling}.manifest.json", {
            "format_version": 1, "model_id": f"streamrisk-test-embed-{pooling}@1", "task": "embedding", "file": "embed.onnx",
            "tokenizer": tokenizer_spec(), "max_length": cfg["max_length"], "pooling": pooling,
            "inputs": io_spec(BERT_INPUTS, [["batch", "sequence"]] * 3, ["int64"] * 3),
            "outputs": io_spec(["last_hidden_state"], [["batch", "sequence", cfg["hidden"]]], ["float32"]),
        })


TINY = {"hidden": 32, "heads": 4, "ff": 64, "layers": 2, "max_positions": 512, "max_length": 128}
BASE = {"hidden": 768, "heads": 12, "ff": 3072, "layers": 12, "max_positions": 512, "max_length": 128}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--vocab-json", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--bench", action="store_true", help="also write a BERT-base-sized ABSA model (≈440 MB) for benchmarks")
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    vocab = write_vocab(a.vocab_json, a.out)
    absa_models(a.out, TINY, len(vocab), 11, "absa", quantised=False)
    absa_models(a.out, TINY, len(vocab), 11, "absa", quantised=True)
    ner_model(a.out, TINY, vocab, 23)
    embedding_model(a.out, TINY, len(vocab), 37)
    if a.bench:
        absa_models(a.out, BASE, len(vocab), 41, "absa-base", quantised=False)


if __name__ == "__main__":
    main()
